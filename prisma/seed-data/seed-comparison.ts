import type { SeedComparison, SeedTool, SeedVerdict } from "./types";

// The page this product started from (comparison-page.txt beside this file, a
// copy of shared/seed/comparison-page.txt), word for word.
// tests/integration/seed.test.ts checks every string against that file.

export const seedTools: SeedTool[] = [
  {
    slug: "claude-4-sonnet",
    name: "Claude 4 Sonnet",
    vendor: "Anthropic",
    category: "developer-tools",
    tagline: "Anthropic's sharpest coding model yet, with better benchmarks and desktop automation",
    description:
      "Claude 4 Sonnet is Anthropic's latest model release, delivering measurable improvements on SWE-bench and HumanEval coding benchmarks over its predecessors. It also ships with enhanced computer-use capabilities, enabling more reliable desktop automation workflows. Available immediately via the Claude API and claude.ai, it targets developers and teams doing heavy code generation and agentic automation.",
    website: "https://www.anthropic.com/claude/sonnet",
    license: "Proprietary",
    pricingModel: "FREEMIUM",
    entryPrice: "Free",
    pricingDetail: "Free plan on claude.ai; API usage billed per token ($3 per million input tokens, $15 per million output tokens).",
    pricingSourceUrl: "https://www.anthropic.com/pricing",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2025-05-22",
  },
  {
    slug: "smolvlm2-2b",
    name: "SmolVLM2-2B",
    vendor: "Hugging Face",
    category: "developer-tools",
    tagline: "2B-parameter vision-language model that runs on your device, not theirs",
    description:
      "SmolVLM2-2B is a two-billion-parameter vision-language model from Hugging Face designed for on-device and edge deployment, capable of OCR, document understanding, and image-to-text tasks without a cloud round-trip. Weights, quantized variants (GGUF, MLX, int4/int8), and an Inference API demo are available immediately on the Hugging Face Hub. It benchmarks ahead of similarly-sized VLMs on OCR and document tasks, making it a practical primitive for privacy-sensitive or latency-critical pipelines.",
    website: "https://huggingface.co/HuggingFaceTB/SmolVLM2-2.2B-Instruct",
    license: "Apache-2.0",
    pricingModel: "OPEN_WEIGHTS",
    entryPrice: "Free",
    pricingDetail: "Open weights under Apache 2.0; free to download and run on your own hardware.",
    pricingSourceUrl: "https://huggingface.co/HuggingFaceTB/SmolVLM2-2.2B-Instruct",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2025-02-20",
  },
];

export const seedVerdicts: SeedVerdict[] = [
  {
    tool: "claude-4-sonnet",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is a frontier language model with documented SWE-bench and HumanEval regressions tracked release-over-release — that's actual engineering accountability, not marketing. The DX bet is right: API-first, no new SDK required, drop-in replacement for Sonnet 3.7 in existing integrations. The computer-use improvements are the part I'd actually reach for — reliable desktop automation has been the missing piece for agentic workflows that touch legacy software. Benchmark methodology is Anthropic's own, so I'd weight it 70% until independent evals catch up, but the direction is credible.",
    publishedAt: "2025-05-23",
  },
  {
    tool: "smolvlm2-2b",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive is clean: a quantized VLM you can run locally, with weights in every format that matters — GGUF for llama.cpp, MLX for Apple Silicon, int4/int8 for edge hardware — no 6-env-var setup before hello-world. The DX bet is 'get out of the way and give developers the weights,' which is exactly the right call for a model release; the Inference API demo lets you sanity-check outputs before committing. Weekend-alternative test: you cannot replicate a competitive 2B VLM in a weekend, and Hugging Face's OCR benchmark lead at this parameter count is a real technical decision, not marketing copy. The specific thing that earns the ship: Apache 2.0 license plus quantized variants on day one means zero friction from experimentation to production.",
    publishedAt: "2025-05-23",
  },
  {
    tool: "claude-4-sonnet",
    reviewer: "marcus-hale",
    decision: "SHIP",
    body: "Category is frontier LLM with direct competitors in GPT-4o, Gemini 2.5 Pro, and Mistral Large — this is a crowded space where Anthropic has actually earned its seat by shipping consistently rather than just announcing. The specific break scenario: multi-step agentic computer-use on real enterprise desktop environments where accessibility APIs are locked down or non-standard — that's where 'improved reliability' claims hit a wall fast. What kills this in 12 months isn't a competitor, it's token pricing compression from Google and OpenAI forcing Anthropic to either cut margins or lose API share. But right now, the coding benchmark trajectory is real and the computer-use angle is differentiated enough to ship.",
    publishedAt: "2025-05-23",
  },
  {
    tool: "smolvlm2-2b",
    reviewer: "marcus-hale",
    decision: "SHIP",
    body: "Direct competitors are Moondream2, MiniCPM-V 2.0, and PaliGemma 3B — SmolVLM2-2B is not alone in this weight class, and 'outperforms on benchmarks' is a claim authored by the team shipping the model. That said, the benchmark suite (DocVQA, TextVQA, OCRBench) is standard enough that gaming it would be obvious to anyone reproducing results, and the quantized variants ship simultaneously rather than as a promised future update, which is a trust signal. The scenario where this breaks: complex multi-image reasoning or any task requiring world knowledge beyond visual grounding — 2B parameters are 2B parameters. What kills this in 12 months is not a competitor but the model providers themselves: Google and Apple are both actively shrinking on-device VLMs, and when Gemma Nano gets vision parity at 1B, this specific checkpoint becomes archival. Ships now because the release discipline is real.",
    publishedAt: "2025-05-23",
  },
  {
    tool: "claude-4-sonnet",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis here is falsifiable and specific: within 24 months, the bottleneck in software development shifts from writing code to specifying intent, and models that can close the loop between intent and executed action on a real desktop — not just a code editor — become infrastructure. Claude 4 Sonnet's computer-use improvements are the interesting load-bearing piece of that bet, because the dependency is that desktop environments remain heterogeneous enough that a general-purpose automation layer beats a thousand point solutions. The second-order effect if this wins: junior developer workflows don't disappear, they get abstracted up one level — the job becomes prompt engineering for agentic tasks, not syntax. Anthropic is on-time to this trend, not early, which means execution is the only differentiator left.",
    publishedAt: "2025-05-23",
  },
  {
    tool: "smolvlm2-2b",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis this model bets on: by 2027, inference moving to the edge is not a feature preference but a regulatory and latency necessity — GDPR enforcement on cloud OCR, sub-100ms UX requirements on mobile, and air-gapped enterprise deployments all converge on 'the model must be local.' SmolVLM2-2B is early-to-on-time on the VLM miniaturization trend; distillation techniques have been compressing vision encoders faster than text LLMs, and the 2B sweet spot is exactly where a MacBook Pro or a Snapdragon 8 Gen 3 runs without thermal throttling. The second-order effect nobody is talking about: when document OCR and receipt parsing run entirely on-device, the SaaS middleware layer — the Mathpix tier, the Rossum tier — loses its technical moat overnight. The dependency that has to hold: quantization quality must not degrade on the real-world document variety that enterprise workflows actually see, which the benchmarks don't fully cover.",
    publishedAt: "2025-05-23",
  },
  {
    tool: "claude-4-sonnet",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is clear: engineering teams with existing Anthropic API spend who will upgrade in-place at no integration cost — that's the cleanest expansion revenue story in the market right now because the switching cost to stay is zero and the switching cost to leave is real workflow disruption. The moat is longitudinal alignment research and the Constitutional AI brand trust with enterprise legal and compliance buyers who care about model behavior documentation, not just benchmark numbers. The stress test: if OpenAI ships o4-mini at half the token price with comparable SWE-bench scores, Anthropic's margin story gets uncomfortable fast — their survival bet is that enterprise buyers pay a safety premium, which is a real but fragile thesis. Still a ship because the unit economics at current pricing make sense for the buyer segment they actually own.",
    publishedAt: "2025-05-23",
  },
  {
    tool: "smolvlm2-2b",
    reviewer: "daniel-okafor",
    decision: "SKIP",
    body: "The buyer here is a developer who integrates this into a product, and the pricing is free — Apache 2.0, open weights, no meter running. That's not a business, it's a distribution strategy for Hugging Face's Hub and Inference API, and it works brilliantly for Hugging Face specifically, but there is no standalone business to evaluate. If you're building on top of SmolVLM2-2B, the moat question is brutal: your differentiation cannot be the model because the model is free and anyone can fine-tune it. The specific business problem is that 'we run this VLM on your data on-device' is a real value proposition, but SmolVLM2-2B commoditizes the hardest technical piece of that value prop on day one, which is great for end users and terrible for anyone who was planning to charge for on-device VLM inference. Ships as a technical artifact, skips as a business foundation.",
    publishedAt: "2025-05-23",
  },
];

export const seedComparison: SeedComparison = {
  slug: "claude-4-sonnet-vs-smolvlm2-2b",
  toolA: "claude-4-sonnet",
  toolB: "smolvlm2-2b",
  headline: null,
  intro: null,
  // Not on the original page: the editor's bottom line, restating what the verdicts above argue.
  picks: {
    a: "you do heavy code generation or agentic desktop automation and can pay per token through the Claude API.",
    b: "you need OCR and document understanding on your own hardware, with Apache 2.0 weights and no cloud round-trip.",
  },
  publishedAt: "2025-05-23",
};
