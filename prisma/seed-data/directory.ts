import type { SeedCategory, SeedComparison, SeedTool, SeedVerdict } from "./types";

// The wider directory around the original seed page. The two seed tools
// (claude-4-sonnet, smolvlm2-2b) and their comparison live in
// seed-comparison.ts; everything here is additional. Pricing figures were
// checked against the listed source pages as of pricingVerifiedAt; fields left
// null are ones we could not confirm.

export const categories: SeedCategory[] = [
  {
    slug: "developer-tools",
    name: "Developer Tools",
    description: "Frontier models, APIs and building blocks that developers wire directly into their own software.",
  },
  {
    slug: "vision-models",
    name: "Vision Models",
    description: "Open and hosted vision-language models that read, caption and locate things in images and video.",
  },
  {
    slug: "coding-assistants",
    name: "Coding Assistants",
    description: "AI pair programmers, agents and editors that write, edit and review code alongside you.",
  },
  {
    slug: "image-generation",
    name: "Image Generation",
    description: "Models and services that turn text prompts and reference images into pictures.",
  },
  {
    slug: "speech-audio",
    name: "Speech & Audio",
    description: "Speech recognition, text-to-speech and voice tools for turning sound into text and back again.",
  },
];

export const tools: SeedTool[] = [
  // ── Developer Tools ────────────────────────────────────────────────────────
  {
    slug: "gpt-4o",
    name: "GPT-4o",
    vendor: "OpenAI",
    category: "developer-tools",
    tagline: "OpenAI's omni model: text, vision and voice behind one API",
    description:
      "GPT-4o is OpenAI's multimodal 'omni' model, announced in May 2024, which accepts text, image and audio input from a single model. It is available in ChatGPT, including on the free plan, and through the OpenAI API with dated snapshots, structured outputs and a Realtime API for low-latency speech.",
    website: "https://openai.com/index/hello-gpt-4o/",
    license: "Proprietary",
    pricingModel: "FREEMIUM",
    entryPrice: "Free",
    pricingDetail:
      "Available on ChatGPT's free plan with usage limits; API billed at $2.50 per million input tokens and $10 per million output tokens.",
    pricingSourceUrl: "https://openai.com/api/pricing/",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2024-05-13",
  },
  {
    slug: "gemini-2-5-pro",
    name: "Gemini 2.5 Pro",
    vendor: "Google",
    category: "developer-tools",
    tagline: "Google's thinking model with a million-token context window",
    description:
      "Gemini 2.5 Pro is Google's 'thinking' model, introduced in March 2025, which reasons through a problem before it responds. It accepts text, images, audio, video and code with a context window of up to one million tokens. It is available in the Gemini app, in Google AI Studio with a free tier, and on Vertex AI for enterprise use.",
    website: "https://deepmind.google/models/gemini/pro/",
    license: "Proprietary",
    pricingModel: "FREEMIUM",
    entryPrice: "Free",
    pricingDetail:
      "Free tier in Google AI Studio and the Gemini app; paid API usage costs $1.25 per million input tokens and $10 per million output tokens for prompts up to 200,000 tokens, with higher rates above that.",
    pricingSourceUrl: "https://ai.google.dev/gemini-api/docs/pricing",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2025-03-25",
  },
  {
    slug: "mistral-large",
    name: "Mistral Large",
    vendor: "Mistral AI",
    category: "developer-tools",
    tagline: "Europe's flagship LLM, with weights you can read but not sell",
    description:
      "Mistral Large is the flagship language model from Paris-based Mistral AI; its second generation, Mistral Large 2, is a 123-billion-parameter dense model with a 128,000-token context window released in July 2024. It supports dozens of natural languages, more than 80 programming languages and native function calling. It is served through Mistral's API and major clouds, and its weights are downloadable under the Mistral Research License.",
    website: "https://mistral.ai/news/mistral-large-2407",
    license: "Mistral Research License",
    pricingModel: "USAGE",
    entryPrice: "Usage-based",
    pricingDetail:
      "API billed at $2 per million input tokens and $6 per million output tokens; commercial self-hosting requires a separate license from Mistral AI.",
    pricingSourceUrl: "https://mistral.ai/pricing",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2024-07-24",
  },
  {
    slug: "llama-4",
    name: "Llama 4",
    vendor: "Meta",
    category: "developer-tools",
    tagline: "Meta's open-weight mixture-of-experts models, multimodal from the start",
    description:
      "Llama 4 is Meta's fourth generation of open-weight models and its first to use a mixture-of-experts architecture with native image understanding. Llama 4 Scout has 17 billion active and 109 billion total parameters with a context window of up to 10 million tokens; Llama 4 Maverick has 17 billion active and about 400 billion total parameters. Weights are available from llama.com and Hugging Face under the Llama 4 Community License.",
    website: "https://www.llama.com/",
    license: "Llama 4 Community License",
    pricingModel: "OPEN_WEIGHTS",
    entryPrice: "Free",
    pricingDetail:
      "Weights are free to download under the Llama 4 Community License; companies with more than 700 million monthly active users need a separate license from Meta.",
    pricingSourceUrl: "https://www.llama.com/llama4/license/",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2025-04-05",
  },

  // ── Vision Models ──────────────────────────────────────────────────────────
  {
    slug: "moondream2",
    name: "Moondream2",
    vendor: "M87 Labs",
    category: "vision-models",
    tagline: "A tiny vision model that points, detects and captions on a CPU",
    description:
      "Moondream2 is an open-weight vision-language model of roughly 2 billion parameters, designed to run efficiently on edge devices and CPUs. Beyond captioning and visual question answering, it exposes object detection and pointing, returning bounding boxes and coordinates from plain-language queries. It was created by Vik Korrapati, is developed by M87 Labs and is released under the Apache 2.0 license.",
    website: "https://moondream.ai",
    license: "Apache-2.0",
    pricingModel: "OPEN_WEIGHTS",
    entryPrice: "Free",
    pricingDetail: "Open weights under Apache 2.0; free to download and run on your own hardware.",
    pricingSourceUrl: "https://huggingface.co/vikhyatk/moondream2",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: null,
  },
  {
    slug: "minicpm-v",
    name: "MiniCPM-V",
    vendor: "OpenBMB",
    category: "vision-models",
    tagline: "Phone-sized multimodal model that reads images, documents and video",
    description:
      "MiniCPM-V is a series of efficient multimodal models from OpenBMB, designed to run on phones and other end-side devices. Its 8-billion-parameter 2.6 release, built on a SigLIP vision encoder and the Qwen2-7B language model, handles single images, multiple images and video. The code is Apache 2.0, while the model weights are governed by the MiniCPM Model License.",
    website: "https://github.com/OpenBMB/MiniCPM-V",
    license: "MiniCPM Model License",
    pricingModel: "OPEN_WEIGHTS",
    entryPrice: "Free",
    pricingDetail:
      "Weights are free to download; commercial use is permitted under the MiniCPM Model License after registering with the developers.",
    pricingSourceUrl: "https://huggingface.co/openbmb/MiniCPM-V-2_6",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: null,
  },
  {
    slug: "paligemma",
    name: "PaliGemma",
    vendor: "Google",
    category: "vision-models",
    tagline: "Google's 3B vision-language base model, built to be fine-tuned",
    description:
      "PaliGemma is Google's open vision-language model, released in May 2024, which combines the SigLIP-So400m image encoder with the Gemma 2B language model into a 3-billion-parameter model. It is designed as a base for fine-tuning on tasks such as captioning, visual question answering, OCR, object detection and segmentation. PaliGemma 2, released in December 2024, added 10B and 28B sizes built on Gemma 2.",
    website: "https://ai.google.dev/gemma/docs/paligemma",
    license: "Gemma Terms of Use",
    pricingModel: "OPEN_WEIGHTS",
    entryPrice: "Free",
    pricingDetail:
      "Open weights, free to download under the Gemma Terms of Use, which permit commercial use subject to Google's prohibited use policy.",
    pricingSourceUrl: "https://ai.google.dev/gemma/terms",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2024-05-14",
  },

  // ── Coding Assistants ──────────────────────────────────────────────────────
  {
    slug: "github-copilot",
    name: "GitHub Copilot",
    vendor: "GitHub",
    category: "coding-assistants",
    tagline: "The AI pair programmer already installed in your editor",
    description:
      "GitHub Copilot is GitHub's AI coding assistant, offering code completion, chat, agent mode and pull-request code review across VS Code, Visual Studio, JetBrains IDEs and other editors. It became generally available in June 2022 after a year-long technical preview. Depending on the plan, users can choose among models from OpenAI, Anthropic and Google.",
    website: "https://github.com/features/copilot",
    license: "Proprietary",
    pricingModel: "FREEMIUM",
    entryPrice: "Free",
    pricingDetail:
      "Copilot Free includes 2,000 code completions and 50 chat messages a month; Pro costs $10/month and Business $19 per user per month.",
    pricingSourceUrl: "https://github.com/features/copilot/plans",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2022-06-21",
  },
  {
    slug: "cursor",
    name: "Cursor",
    vendor: "Anysphere",
    category: "coding-assistants",
    tagline: "A VS Code fork rebuilt around an AI agent that edits your repo",
    description:
      "Cursor is an AI code editor from Anysphere, built as a fork of Visual Studio Code so that existing extensions, themes and settings carry over. It combines next-edit tab completion, inline edits and an agent that can read, change and run code across a project, using models from several providers. It offers a free Hobby plan alongside paid individual and team subscriptions.",
    website: "https://cursor.com",
    license: "Proprietary",
    pricingModel: "FREEMIUM",
    entryPrice: "Free",
    pricingDetail: "Hobby plan is free; Pro costs $20/month and team plans cost $40 per user per month.",
    pricingSourceUrl: "https://cursor.com/pricing",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: null,
  },
  {
    slug: "aider",
    name: "Aider",
    vendor: "Paul Gauthier (open source)",
    category: "coding-assistants",
    tagline: "Open-source AI pair programming in your terminal, committed to git",
    description:
      "Aider is an open-source AI pair-programming tool that runs in the terminal and edits code in a local git repository. It maps the codebase to pick relevant context, automatically commits each change with a descriptive message, and works with most hosted and local LLMs. It is released under the Apache 2.0 license and maintained by Paul Gauthier.",
    website: "https://aider.chat",
    license: "Apache-2.0",
    pricingModel: "FREE",
    entryPrice: "Free",
    pricingDetail:
      "Free and open source under Apache 2.0; you bring your own API key and pay your model provider directly.",
    pricingSourceUrl: "https://github.com/Aider-AI/aider",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: null,
  },

  // ── Image Generation ───────────────────────────────────────────────────────
  {
    slug: "stable-diffusion-3-5",
    name: "Stable Diffusion 3.5",
    vendor: "Stability AI",
    category: "image-generation",
    tagline: "Open-weight image model you can run, fine-tune and ship yourself",
    description:
      "Stable Diffusion 3.5 is Stability AI's open-weight text-to-image model family, released in October 2024 in Large (about 8 billion parameters), Large Turbo and Medium (about 2.5 billion parameters) variants. It uses a Multimodal Diffusion Transformer architecture and runs locally through tools such as ComfyUI and Hugging Face diffusers. Weights are free under the Stability AI Community License for individuals and organisations below $1 million in annual revenue.",
    website: "https://stability.ai/news/introducing-stable-diffusion-3-5",
    license: "Stability AI Community License",
    pricingModel: "OPEN_WEIGHTS",
    entryPrice: "Free",
    pricingDetail:
      "Free under the Stability AI Community License for individuals and organisations with under $1 million in annual revenue; larger organisations need an Enterprise license.",
    pricingSourceUrl: "https://stability.ai/license",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2024-10-22",
  },
  {
    slug: "flux-1",
    name: "FLUX.1",
    vendor: "Black Forest Labs",
    category: "image-generation",
    tagline: "12B image models from the original Stable Diffusion team, open and API",
    description:
      "FLUX.1 is a family of 12-billion-parameter text-to-image models from Black Forest Labs, a company founded by researchers behind the original Stable Diffusion. It launched in August 2024 in three tiers: [schnell] with Apache 2.0 weights, [dev] with open weights for non-commercial use, and [pro] through the API. Later additions include FLUX1.1 [pro] and the FLUX.1 Kontext image-editing models.",
    website: "https://bfl.ai",
    license: "Apache-2.0 [schnell] / FLUX.1 [dev] Non-Commercial License",
    pricingModel: "OPEN_WEIGHTS",
    entryPrice: "Free",
    pricingDetail:
      "[schnell] weights are free under Apache 2.0 and [dev] weights are free for non-commercial use; the hosted FLUX1.1 [pro] API costs $0.04 per image.",
    pricingSourceUrl: "https://docs.bfl.ai/quick_start/pricing",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2024-08-01",
  },
  {
    slug: "midjourney",
    name: "Midjourney",
    vendor: "Midjourney",
    category: "image-generation",
    tagline: "The aesthetic benchmark for AI images, subscription-only",
    description:
      "Midjourney is an image generator from the independent research lab of the same name, known for its highly stylised, polished default output. It is used through the Midjourney web app and a Discord bot on a paid subscription, and it has no official public API. Version 7 arrived in 2025, alongside the company's first video model.",
    website: "https://www.midjourney.com",
    license: "Proprietary",
    pricingModel: "PAID",
    entryPrice: "$10/mo",
    pricingDetail:
      "Plans range from Basic at $10/month to Mega at $120/month when billed monthly, with discounts for annual billing; there is no standing free plan.",
    pricingSourceUrl: "https://docs.midjourney.com",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2022-07-12",
  },

  // ── Speech & Audio ─────────────────────────────────────────────────────────
  {
    slug: "whisper",
    name: "Whisper",
    vendor: "OpenAI",
    category: "speech-audio",
    tagline: "OpenAI's open speech recognition model, MIT-licensed and everywhere",
    description:
      "Whisper is OpenAI's automatic speech recognition model, released in September 2022 with open weights and code under the MIT license. Trained on 680,000 hours of multilingual audio, it transcribes speech in many languages and translates it into English, in sizes from tiny to large. OpenAI also hosts it through its API as whisper-1.",
    website: "https://github.com/openai/whisper",
    license: "MIT",
    pricingModel: "OPEN_WEIGHTS",
    entryPrice: "Free",
    pricingDetail:
      "Open weights under MIT, free to self-host; OpenAI's hosted whisper-1 API costs $0.006 per minute of audio.",
    pricingSourceUrl: "https://openai.com/api/pricing/",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: "2022-09-21",
  },
  {
    slug: "elevenlabs",
    name: "ElevenLabs",
    vendor: "ElevenLabs",
    category: "speech-audio",
    tagline: "Voice AI that sounds human: text-to-speech, cloning and dubbing",
    description:
      "ElevenLabs is an AI audio company offering text-to-speech, voice cloning, dubbing and speech-to-text through a web studio and an API. Its models generate expressive speech in dozens of languages, with low-latency variants for conversational agents. It sells self-serve subscriptions for creators alongside enterprise plans.",
    website: "https://elevenlabs.io",
    license: "Proprietary",
    pricingModel: "FREEMIUM",
    entryPrice: "Free",
    pricingDetail:
      "Free plan includes 10,000 credits a month; paid plans start at $5/month (Starter), with Creator at $22/month and Pro at $99/month.",
    pricingSourceUrl: "https://elevenlabs.io/pricing",
    pricingVerifiedAt: "2025-06-01",
    releasedAt: null,
  },
];

export const verdicts: SeedVerdict[] = [
  // ── GPT-4o: 3/4 ────────────────────────────────────────────────────────────
  {
    tool: "gpt-4o",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is one model endpoint that takes text, images and audio and returns structured output, and it is still the most boring-in-a-good-way integration on the market. The DX bet is ubiquity: the OpenAI SDK shape has become the de facto wire format, so half the tooling you already use speaks it natively, and structured outputs with JSON schema mean fewer retry loops around malformed responses. Weekend-alternative test: you are not replicating a multimodal model, but you could swap providers in an afternoon, which is exactly why the lock-in here is light. My complaint is versioning: dated snapshots help, but the bare 'gpt-4o' alias moving underneath you has bitten teams that never pinned. The specific thing that earns the ship: the shortest path from zero to a working multimodal prototype I know of.",
    publishedAt: "2025-06-03",
  },
  {
    tool: "gpt-4o",
    reviewer: "marcus-hale",
    decision: "SHIP",
    body: "Direct competitors are Claude 4 Sonnet, Gemini 2.5 Pro and Mistral Large, and on pure capability GPT-4o is no longer the model to beat. It is the model everyone benchmarks against, which is a different and more durable position. The scenario where this breaks: the April ChatGPT update that OpenAI rolled back for sycophancy showed how much model behaviour can shift between releases, and anyone building on a moving alias rather than a pinned snapshot inherits that risk. What kills this in 12 months is not a rival lab but OpenAI's own roadmap; the next flagship will pull attention and pricing away from it. Still ships today because availability, rate limits and ecosystem support are the most proven in the category.",
    publishedAt: "2025-06-04",
  },
  {
    tool: "gpt-4o",
    reviewer: "ines-navarro",
    decision: "SKIP",
    body: "The thesis this bets on is that one natively multimodal model, with voice, images and text in the same context, becomes the default interface to software. I think that thesis is right, and falsifiable: by mid-2026 most new consumer assistants should ship voice-first rather than bolting speech on afterwards. But GPT-4o was the early proof of it in May 2024, and a year later it reads as the on-time-then-late model in that story: reasoning models have moved the frontier, and the second-order effect of its success is that every lab now ships omni models, which removes its distinctiveness. The dependency that has to hold for it to matter as a product choice in 2026 is that OpenAI keeps it first-class rather than a legacy tier. I wouldn't start a new build on it; I'd start on its successor.",
    publishedAt: "2025-06-05",
  },
  {
    tool: "gpt-4o",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is broad and already budgeted: product teams that want one vendor covering chat, vision and speech, and procurement departments that default to OpenAI or Azure OpenAI because it is already on the approved list. That Azure channel is the moat I take seriously, more than any benchmark; enterprise distribution through Microsoft is hard to replicate. Unit economics at $2.50 per million input tokens and $10 per million output are mid-pack: cheaper than at launch, but pricier than Gemini 2.5 Pro on input. The stress test: if a buyer's workload is high-volume and text-only, a smaller model at a fraction of the price wins the spreadsheet, and GPT-4o becomes the expensive default nobody revisited. Ships because for multimodal work a single vendor relationship still beats stitching three together.",
    publishedAt: "2025-06-06",
  },

  // ── Gemini 2.5 Pro: 4/4 ────────────────────────────────────────────────────
  {
    tool: "gemini-2-5-pro",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is a reasoning model with a one-million-token context window and native multimodal input, and the long context is the part that changes how I write code against it: I can pass a whole repository or a stack of PDFs and skip building a retrieval pipeline for a prototype. The DX bet is a free tier in Google AI Studio that gets you from API key to first response in minutes, plus an OpenAI-compatible endpoint so existing clients mostly just work. Weekend-alternative test: nothing here is weekend-buildable, and function calling and structured output behave the way you'd expect. My friction is the split between AI Studio and Vertex AI: two consoles, two auth stories, two sets of docs. The specific thing that earns the ship: long context that is actually usable, at a price I can prototype on.",
    publishedAt: "2025-06-24",
  },
  {
    tool: "gemini-2-5-pro",
    reviewer: "marcus-hale",
    decision: "SHIP",
    body: "Direct competitors are Claude 4 Sonnet, GPT-4o and OpenAI's o-series reasoning models, and Gemini 2.5 Pro is the first Google model in this cycle I'd call a category leader rather than a fast follower. It debuted at the top of the LMArena leaderboard, a crowd-sourced ranking that is harder to game than a vendor table, though not immune. The scenario where this breaks: preview-to-GA churn. It spent months as experimental and preview checkpoints that changed under developers before going generally available in June, and teams that shipped on a preview ID learned what deprecation notices feel like. What kills this in 12 months is mostly Google's own cadence; a successor will arrive. Ships because capability per dollar is currently the strongest in the frontier tier.",
    publishedAt: "2025-06-25",
  },
  {
    tool: "gemini-2-5-pro",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis this bets on is specific: context length substitutes for retrieval infrastructure. If a model can hold a million tokens and reason over them reliably, a large share of today's RAG plumbing, meaning chunkers, vector stores and re-rankers, becomes optional for mid-sized corpora. That is falsifiable: within 18 months I expect new internal-knowledge tools to launch without a vector database at all. The second-order effect is on data gravity: whoever hosts the documents and the model together, Google Workspace in this case, captures the workflow. The dependency that has to hold is price, because prompts above 200,000 tokens are billed at a higher rate and the economics of filling the context have to keep falling. Google is on time to this trend, and for once it has the distribution to exploit it.",
    publishedAt: "2025-06-26",
  },
  {
    tool: "gemini-2-5-pro",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is two people: the developer on the free tier in AI Studio, and the Google Cloud customer with committed spend who can route usage through Vertex AI without a new vendor review. That second buyer is the moat, because burning down an existing cloud commitment is the easiest purchase order an enterprise ever signs. Unit economics are aggressive: $1.25 per million input tokens and $10 per million output for prompts up to 200,000 tokens, which undercuts GPT-4o on input at a higher capability tier. The stress test is whether Google keeps pricing this low: if rates normalise upward once share is won, buyers who designed around cheap long context get squeezed. I'd still ship, because today the price-to-capability ratio is the best in its class and the cost of leaving stays low.",
    publishedAt: "2025-06-27",
  },

  // ── Mistral Large: 0/4 ─────────────────────────────────────────────────────
  {
    tool: "mistral-large",
    reviewer: "priya-raman",
    decision: "SKIP",
    body: "The primitive here is a 123-billion-parameter dense model with a 128,000-token context window, available through Mistral's API and as downloadable weights. The API side is fine: clean REST, function calling, an SDK that doesn't fight you. The problem is the weights story. They are downloadable, but under the Mistral Research License, so the moment a prototype becomes a product I need a separate commercial agreement, and 123 billion dense parameters means multi-GPU serving before hello-world. Weekend-alternative test: I can't build this, but I can swap in an open-weight model with a permissive license in a weekend, and that's what most teams will do. The specific thing that costs the ship: a self-hosting path that is neither free nor light, for a model that is no longer Mistral's own best price-performance option.",
    publishedAt: "2025-07-08",
  },
  {
    tool: "mistral-large",
    reviewer: "marcus-hale",
    decision: "SKIP",
    body: "Direct competitors are GPT-4o, Claude 4 Sonnet and Gemini 2.5 Pro on the closed side, and Llama 4 and DeepSeek on the open side, and Mistral Large is squeezed between both. The sharper problem is internal: Mistral's own Medium 3, released in May, is pitched as near-frontier at a much lower price, which tells you where the company itself thinks the value is. The scenario where this breaks: any bake-off where the buyer is allowed to pick from more than one vendor. What kills this in 12 months is a next-generation Large that replaces it, and I'd rather wait for that than commit to the current checkpoint. Skip for now: a good model at the wrong moment, undercut by its own sibling.",
    publishedAt: "2025-07-09",
  },
  {
    tool: "mistral-large",
    reviewer: "ines-navarro",
    decision: "SKIP",
    body: "The thesis this bets on is European AI sovereignty: that regulation such as the EU AI Act, plus procurement rules in the public sector and defence, will create a protected market for a European frontier model. I think that thesis is partly right, and falsifiable: by 2027 we should see EU public tenders that effectively require EU-headquartered model providers. But the dependency that has to hold is that sovereignty buyers accept trailing the frontier, and I don't think they will; they'll buy the best model available in an EU data region. The second-order effect I'd watch is sovereignty becoming a deployment property rather than a vendor nationality, which erodes Mistral's core narrative. This flagship is late to the frontier and early to a market that may not materialise. Skip.",
    publishedAt: "2025-07-10",
  },
  {
    tool: "mistral-large",
    reviewer: "daniel-okafor",
    decision: "SKIP",
    body: "The buyer is clear on paper: European enterprises and public bodies that want a non-US provider, plus teams willing to pay for a commercial self-hosting license. The moat is meant to be that sovereignty story and the option to run the weights on-premises, which the closed US labs don't offer. Unit economics are reasonable at $2 per million input tokens and $6 per million output through the API, but the stress test is brutal: Gemini 2.5 Pro costs less on input, and Mistral's own cheaper Medium tier cannibalises the upsell. A commercial self-hosting license is negotiated rather than listed, which slows every procurement cycle I've ever run. I'd buy from Mistral for the right workload; I wouldn't standardise on this model. Skip.",
    publishedAt: "2025-07-11",
  },

  // ── Llama 4: 2/4 ───────────────────────────────────────────────────────────
  {
    tool: "llama-4",
    reviewer: "priya-raman",
    decision: "SKIP",
    body: "The primitive here is a pair of open-weight mixture-of-experts models: Scout, with 17 billion active parameters out of 109 billion total, and Maverick, with 17 billion active out of roughly 400 billion. The DX bet is that active parameters are what matter, and for compute per token they partly are, but every expert still has to sit in memory, so Scout needs an 80 GB-class GPU or a high-memory workstation even when quantised, and Maverick needs a full multi-GPU host. That's a step away from the Llama 3 8B era, when hello-world ran on a laptop. Weekend-alternative test: nobody trains this in a weekend, but for most of my workloads a smaller dense model gets me there with far less infrastructure. The specific thing that costs the ship: the smallest member of the family is not small.",
    publishedAt: "2025-05-12",
  },
  {
    tool: "llama-4",
    reviewer: "marcus-hale",
    decision: "SKIP",
    body: "Direct competitors are DeepSeek V3, Qwen and Mistral on the open-weight side, plus the closed models Meta compared itself against at launch. The release discipline is the problem: the Maverick variant that climbed the LMArena leaderboard was an experimental chat-optimised version rather than the checkpoint Meta published, a fine-print detail that prompted LMArena to update its leaderboard policies. That is exactly the kind of vendor-engineered benchmark win I discount to zero. The scenario where this breaks: independent evaluations of the released weights landing below the launch narrative, which is how I read the community's early reports. What kills this in 12 months is Chinese open-weight labs shipping faster and, in several cases, under more permissive licenses. Skip until the released weights earn the claims on their own.",
    publishedAt: "2025-05-13",
  },
  {
    tool: "llama-4",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis this bets on: mixture-of-experts becomes the default architecture for open models, because serving cost tracks active parameters while capability tracks total parameters. That's falsifiable: within 12 months I expect most major open-weight releases above 100 billion parameters to be MoE. Llama 4 is on time to that shift rather than early; DeepSeek got there first. The second-order effect is on hardware, since MoE models reward memory capacity over raw compute, which favours unified-memory machines and high-memory accelerators and changes what 'local' means. The dependency that has to hold is that the open ecosystem, from vLLM to llama.cpp to the quantisation tools, keeps pace with expert routing. Scout's 10-million-token context claim is the bet I'd watch most closely. Ships as a signal of where open models are going, even if this checkpoint isn't the destination.",
    publishedAt: "2025-05-14",
  },
  {
    tool: "llama-4",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is an enterprise platform team that wants a capable model it can host in its own cloud account, and for that buyer the weights cost nothing and the license terms are familiar from Llama 3. The Llama 4 Community License allows commercial use, with the well-known catch that companies above 700 million monthly active users need Meta's permission, which is irrelevant to nearly every buyer I've advised. The moat isn't Meta's; it's the buyer's, because they own the deployment and can switch to another open model without renegotiating a contract. The stress test is total cost of ownership: GPU hours for a 400-billion-parameter model are not free, and below a certain volume a hosted API is cheaper. Ships because the option value of a self-hostable model with a commercial license is real money in procurement.",
    publishedAt: "2025-05-15",
  },

  // ── Moondream2: 3/4 ────────────────────────────────────────────────────────
  {
    tool: "moondream2",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is a vision-language model of roughly 2 billion parameters with task-shaped functions, caption, query, detect and point, rather than one generic chat endpoint. That API design is the DX bet, and it's the right one: 'give me bounding boxes for every forklift' is a method call, not a prompt-engineering exercise. It runs on CPU, installs from pip, and the Apache 2.0 license means no legal review before hello-world. Weekend-alternative test: stitching together a detector, a captioner and an OCR model is a weekend; getting one small model to do all of it coherently is not. The model has changed a lot across revisions, so pin the one you test. The specific thing that earns the ship: structured outputs like points and boxes from a model small enough to run without a GPU.",
    publishedAt: "2025-05-20",
  },
  {
    tool: "moondream2",
    reviewer: "marcus-hale",
    decision: "SHIP",
    body: "Direct competitors are SmolVLM2-2B, PaliGemma and the smaller MiniCPM-V releases, and in this weight class Moondream2 has the clearest product identity: it's built for detection and pointing, not just captioning. The model card tracks benchmark results across revisions, and the tasks involved, counting, object detection and document questions, are easy enough to spot-check yourself that I weight them more than usual. The scenario where this breaks: dense document OCR and long multi-page reasoning, where a 2B model runs out of room quickly. What kills this in 12 months is a small open model from Google or Alibaba that matches its grounding and arrives with a much bigger distribution engine behind it. Ships because it does a specific job well, and the release cadence has been steady rather than announcement-driven.",
    publishedAt: "2025-05-21",
  },
  {
    tool: "moondream2",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis this bets on: perception moves to the edge before reasoning does. Cameras in warehouses, on retail shelves and in vehicles need 'where is it' and 'how many' answers in milliseconds, locally, and those tasks need grounding far more than eloquence. Falsifiable: within 24 months I expect most new smart-camera products to ship a small VLM on-device rather than calling a cloud API. Moondream2 is on time for that shift. The second-order effect is that classic task-specific detectors, one model per object class trained on labelled datasets, give way to open-vocabulary models you instruct in plain language, which hollows out the low end of the labelling industry. The dependency that has to hold is that small-model accuracy on messy real-world camera feeds matches what it shows on clean benchmark images. Ships.",
    publishedAt: "2025-05-22",
  },
  {
    tool: "moondream2",
    reviewer: "daniel-okafor",
    decision: "SKIP",
    body: "The buyer is a developer building a vision feature into a product, and the price is zero: Apache 2.0 weights you can run wherever you like. The company behind it also offers a hosted cloud API, which is where a business would have to come from, and that's where my problem sits. The same license that makes the model attractive means any cloud can host it more cheaply, and any customer can take it in-house once volume justifies it. The moat would have to be speed of iteration and developer goodwill, which are real but not defensible against a hyperscaler offering a comparable small VLM at cost. The stress test: a large customer asks for volume pricing, and the answer has to beat running the weights on their own GPUs. A great model to adopt, but as a vendor to budget around, it's a skip.",
    publishedAt: "2025-05-23",
  },

  // ── MiniCPM-V: 2/4 ─────────────────────────────────────────────────────────
  {
    tool: "minicpm-v",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is an 8-billion-parameter multimodal model in its 2.6 release, pairing a SigLIP vision encoder with a Qwen2 language model, that handles single images, multiple images and video. The DX is better than I expected from a research lab: llama.cpp and Ollama support, int4 and GGUF builds, and fine-tuning scripts in the repository. The DX bet is meeting developers in the runtimes they already use, and it largely lands. Weekend-alternative test: a comparable multi-image, video-capable model is not weekend work. My caveat is the custom modelling code; loading it through transformers requires trust_remote_code, which some security reviews will flag. The specific thing that earns the ship: video and multi-image understanding at a size that runs on a single consumer GPU.",
    publishedAt: "2025-06-16",
  },
  {
    tool: "minicpm-v",
    reviewer: "marcus-hale",
    decision: "SKIP",
    body: "Direct competitors are Qwen2.5-VL, the vision-capable Gemma 3 models and, at the small end, Moondream2 and SmolVLM2. OpenBMB's headline claim of GPT-4V-level capability on a phone is a vendor-authored comparison against a model OpenAI has since superseded, which tells me less than it sounds. The scenario where this breaks is enterprise adoption, because the weights are governed by the MiniCPM Model License rather than a standard open-source license, and commercial use has meant registering with the developers. Every legal team I've seen prefers Apache 2.0 when a comparable alternative exists, and in this class one usually does. What kills this in 12 months is Qwen's own VL line, which shares the underlying language model family and ships its mid-sized model under Apache 2.0. Skip.",
    publishedAt: "2025-06-17",
  },
  {
    tool: "minicpm-v",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis this bets on: the phone becomes the primary multimodal computer, and models have to fit its memory and thermal budget rather than the other way round. It's falsifiable: by 2027 I expect flagship phones to run an always-available local VLM for camera, screen and document understanding by default. MiniCPM-V is early-to-on-time here, and its real contribution is efficiency, encoding each image into far fewer visual tokens than most peers, which is what makes on-device video plausible. The second-order effect is on screen understanding: a local model that can read whatever is on your display is the foundation for private on-device agents. The dependency that has to hold is that Android and iOS expose enough NPU access for third-party models to compete with the ones the OS vendors bundle. Ships.",
    publishedAt: "2025-06-18",
  },
  {
    tool: "minicpm-v",
    reviewer: "daniel-okafor",
    decision: "SKIP",
    body: "The buyer is a device maker or app developer who wants multimodal features without paying per call, and for them the model is free to download. The catch is the license: the weights sit under the MiniCPM Model License, and commercial use has meant registering with the developers, so the real buyer conversation starts with legal, not engineering. The moat for OpenBMB is research velocity rather than any revenue line I can identify, which makes this a research artifact with a commercial door that's open but not obvious. The stress test: a procurement review asks for indemnity, support terms and a license an auditor already recognises. Alternatives built on Qwen or Gemma answer those questions more easily. Impressive engineering, but I'd skip it as the foundation for a product roadmap.",
    publishedAt: "2025-06-19",
  },

  // ── PaliGemma: 1/4 ─────────────────────────────────────────────────────────
  {
    tool: "paligemma",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is honest about itself: a 3-billion-parameter vision-language base model, a SigLIP encoder plus a Gemma decoder, designed to be fine-tuned for a task rather than chatted with. That's the DX bet, and I respect it: pretrained checkpoints at several input resolutions, simple task prefixes for captioning, detection and segmentation, and first-class support in Hugging Face transformers and Google's big_vision codebase. Weekend-alternative test: you can fine-tune it on your own labelled data in a weekend, which is the whole point; you can't build the base model. PaliGemma 2 added larger sizes if 3B isn't enough. Don't expect zero-shot conversation. The specific thing that earns the ship: the cleanest transfer-learning primitive in open VLMs for teams with a narrow, well-defined vision task.",
    publishedAt: "2025-08-05",
  },
  {
    tool: "paligemma",
    reviewer: "marcus-hale",
    decision: "SKIP",
    body: "Direct competitors are Moondream2, SmolVLM2, Microsoft's Florence-2 and, increasingly, Google's own Gemma 3, whose 4B-and-up models take images natively and follow instructions out of the box. That last one is the problem: PaliGemma's fine-tune-first design made sense in 2024, but Gemma 3 now covers much of the same ground with a friendlier interface. The scenario where this breaks: any team expecting instruction-following without fine-tuning. The mix checkpoints help, but the base model is not an assistant. What kills this in 12 months is not a rival; it's Google consolidating its vision work into the main Gemma line. Skip, unless you specifically need its detection and segmentation output formats.",
    publishedAt: "2025-08-06",
  },
  {
    tool: "paligemma",
    reviewer: "ines-navarro",
    decision: "SKIP",
    body: "The thesis this bets on is that the future of vision AI is many small, task-specific models, each fine-tuned from a shared base. I think that thesis is falsifiable and, for the next 24 months, mostly wrong: general instruction-tuned VLMs are improving fast enough that most teams will prompt rather than fine-tune, keeping fine-tuning for the last few points of accuracy. The second-order effect of PaliGemma was positive anyway, because it normalised open VLM base models that came with clear transfer recipes. The dependency that would have to hold is that labelled data stays cheaper than model capability, and synthetic data is eroding exactly that. It arrived on time in 2024 and looks late in 2025. Skip.",
    publishedAt: "2025-08-07",
  },
  {
    tool: "paligemma",
    reviewer: "daniel-okafor",
    decision: "SKIP",
    body: "The buyer is a team with a narrow vision task and the ML skills to fine-tune, which is a smaller market than the download numbers suggest. The Gemma Terms of Use permit commercial use, with a prohibited-use policy attached, and that's workable for most legal teams. But the moat question is about Google, not the buyer: in my reading PaliGemma is an on-ramp to Google's model ecosystem, and Google can deprioritise it whenever mainline Gemma absorbs its features. The stress test: a buyer standardises on it, then finds the follow-on investment going to Gemma 3 instead. Unit economics are fine, since there is no meter, but the real cost includes the fine-tuning team. Skip: I'd rather commit to the line Google is visibly investing in.",
    publishedAt: "2025-08-08",
  },

  // ── GitHub Copilot: 3/4 ────────────────────────────────────────────────────
  {
    tool: "github-copilot",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is inline completion inside the editor you already use, and years on it is still the lowest-friction AI coding tool there is: install an extension, sign in with the GitHub account you already have, keep typing. The surface has widened, with chat, agent mode in VS Code, code review on pull requests and a choice of models from several labs, without breaking that first experience. The free tier, with 2,000 completions and 50 chat messages a month, means a developer can evaluate it without a card. Weekend-alternative test: a basic completion plugin against a hosted model is a weekend; coverage across VS Code, JetBrains, Visual Studio, Vim and more is not. The specific thing that earns the ship: zero workflow change required to get value.",
    publishedAt: "2025-06-10",
  },
  {
    tool: "github-copilot",
    reviewer: "marcus-hale",
    decision: "SHIP",
    body: "Direct competitors are Cursor, Windsurf, Claude Code and a dozen extensions, and most of them beat Copilot at something specific: Cursor at multi-file edits, Claude Code at terminal agents. Copilot's advantage is that it is the default. It is bundled into GitHub's distribution, available in more editors than anyone, and now model-agnostic, so a better model from Anthropic or Google shows up inside Copilot rather than replacing it. The scenario where this breaks: developers who live in agentic workflows and find the extension architecture too constraining. What kills this in 12 months is unlikely to be a competitor; it's pricing friction from the premium-request metering introduced this year. Ships because distribution plus model neutrality is the strongest position in the category.",
    publishedAt: "2025-06-11",
  },
  {
    tool: "github-copilot",
    reviewer: "ines-navarro",
    decision: "SKIP",
    body: "The thesis this bets on is that AI coding assistance lives inside the existing editor as an extension. I think that thesis is falsifiable and eroding: within 18 months I expect the centre of gravity to move to agents that work across a repository, run tests and open pull requests asynchronously, with the editor as a review surface rather than the workspace. GitHub sees this too. Its coding agent that picks up issues and opens pull requests is the right move, and GitHub owns the pull request, which is a strong position. But the product most people buy as Copilot is still completion-first, and the second-order effect of agentic coding is that per-seat pricing for an autocomplete tool stops making sense. On time as a platform, late as a product. Skip.",
    publishedAt: "2025-06-12",
  },
  {
    tool: "github-copilot",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is the cleanest in this directory: an engineering organisation that already pays GitHub, adding Copilot Business at $19 per user per month to an existing invoice, with policy controls and IP indemnity terms that legal has already read. That procurement path is the moat: no new vendor, no new security review, no new SSO integration. Unit economics for the buyer are easy to defend, because if a $19 seat saves a developer an hour a month it has paid for itself. The stress test is metering: premium requests for the most capable models turn a flat seat into a variable bill, and finance teams hate variable bills. Ships because nothing else in the category is as easy to buy at enterprise scale.",
    publishedAt: "2025-06-13",
  },

  // ── Cursor: 2/4 ────────────────────────────────────────────────────────────
  {
    tool: "cursor",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is a fork of VS Code with the AI woven into the editor itself: tab completion that predicts your next edit rather than just the next token, inline edits, and an agent that reads and changes multiple files. Because it's a fork, your extensions, themes and keybindings come across in one import, which is the DX bet and the reason switching takes minutes rather than a week. Project rules let a team encode conventions the agent actually follows. Weekend-alternative test: a chat panel that edits files is a weekend; the edit-prediction model behind Tab is not. My caution is extension parity, since a fork can lag upstream and lose access to some marketplace extensions. The specific thing that earns the ship: the best multi-file editing loop I've used in a GUI editor.",
    publishedAt: "2025-07-14",
  },
  {
    tool: "cursor",
    reviewer: "marcus-hale",
    decision: "SKIP",
    body: "Direct competitors are GitHub Copilot, Windsurf, Claude Code and every model vendor's own coding tool, and Cursor's structural problem is that it resells models from companies that now build competing products. The scenario where this breaks: a model provider changes terms, rate limits or pricing, and Cursor's margin or quality moves without Cursor doing anything. The June switch from request counts to usage-based pricing, which drew enough backlash that the company publicly apologised, is what that pressure looks like from the outside. What kills this in 12 months is Copilot reaching feature parity inside plain VS Code, which Microsoft has every incentive to fund. The product is excellent; the position is fragile. Skip.",
    publishedAt: "2025-07-15",
  },
  {
    tool: "cursor",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis this bets on: the IDE gets rebuilt around the model rather than the model bolted onto the IDE, and the winning editor is the one that owns the interaction loop, meaning what to predict, what to show and what to let the agent do. Falsifiable: within 24 months I expect most professional developers to use an editor whose core UX was designed for AI rather than extended for it. Cursor is on time, arguably early, and its in-house edit-prediction models show it understands the dependency that has to hold: differentiation has to live in models and data it controls, not only in the frontier models it routes to. The second-order effect is a new kind of data moat, with accepted and rejected edits as training signal at enormous scale. Ships.",
    publishedAt: "2025-07-16",
  },
  {
    tool: "cursor",
    reviewer: "daniel-okafor",
    decision: "SKIP",
    body: "The buyer started as the individual developer paying $20 a month and is now the engineering organisation buying team seats at $40 per user, and that bottom-up motion is genuinely impressive. The moat is harder to find: the underlying models belong to Anthropic, OpenAI and Google, and switching costs for the buyer are low because the editor is VS Code underneath. The stress test is gross margin. Every heavy agent session is paid for at someone else's token prices, and the mid-2025 move to usage-based pricing shows that cost landing on customers. A procurement team now faces a variable bill where it expected a flat seat. Great product, uncertain unit economics; from the buyer's chair I'd pilot it, not standardise on it. Skip.",
    publishedAt: "2025-07-17",
  },

  // ── Aider: 3/4 ─────────────────────────────────────────────────────────────
  {
    tool: "aider",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is the simplest one in AI coding: a terminal program that edits files in your git repository and commits every change with a descriptive message. Because everything lands as a commit, undo is just git, and review is a diff you already know how to read. It builds a map of the repository to choose context, works with almost any model, hosted or local, and the Apache 2.0 license means you can read exactly what it sends. Setup is a pip install and an API key. Weekend-alternative test: a naive version is a weekend project, and plenty of people have built one; reliable edit formats across dozens of models took years of iteration. The specific thing that earns the ship: git as the safety net, with no new abstraction to learn.",
    publishedAt: "2025-07-21",
  },
  {
    tool: "aider",
    reviewer: "marcus-hale",
    decision: "SKIP",
    body: "Direct competitors are Claude Code, OpenAI's Codex CLI and Google's Gemini CLI, terminal coding agents from the companies that own the models, two of them released as open source this year. That moves Aider from 'the terminal option' to 'the model-agnostic terminal option', a real but narrower niche. The scenario where this breaks: vendors tune their own agents to their models' quirks and tool-use formats faster than an independent project can. To its credit, Aider's public leaderboards, which run many models against its own coding benchmark, are among the more reproducible evaluations in this space. What kills this in 12 months is not abandonment but irrelevance, as vendor CLIs become the default. Skip for teams standardising on one model; it still suits teams that switch models often.",
    publishedAt: "2025-07-22",
  },
  {
    tool: "aider",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis this bets on: the model layer commoditises faster than the workflow layer, so the durable tool is the one that lets you swap models without changing how you work. That's falsifiable: if, by 2027, most developers are locked into a single vendor's coding agent, the thesis failed. I think it holds, because leadership on price and capability among the labs has rotated every few months for two years. Aider is early to that framing and has the track record to show model-agnosticism works in practice. The second-order effect is on evaluation: tools that run many models on the same tasks become the neutral benchmarks this industry lacks. The dependency that has to hold is that tool-use formats converge enough for one harness to drive all of them well. Ships.",
    publishedAt: "2025-07-23",
  },
  {
    tool: "aider",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is a team that wants AI-assisted coding without another vendor: no seat fees, no new data processing agreement with a tool company, just the model contract it already has. For that buyer the unit economics are as clean as they get. You pay your model provider at list price and nothing else, and switching costs run in the customer's favour because the tool is Apache 2.0 and works with nearly every model. There is no vendor moat here, and that's the point; the risk sits with maintainership rather than pricing. The stress test: who do you call when it breaks? Nobody, because it's an open-source project, so budget internal time for support. Ships for cost-conscious teams that can look after their own tooling.",
    publishedAt: "2025-07-24",
  },

  // ── Stable Diffusion 3.5: 2/4 ──────────────────────────────────────────────
  {
    tool: "stable-diffusion-3-5",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is a family of open-weight image models, Large at about 8 billion parameters, a distilled Large Turbo and a 2.5-billion-parameter Medium, that plugged straight into ComfyUI and Hugging Face diffusers. That ecosystem is the DX story: LoRA trainers, node graphs and inference optimisations in the open image world have spoken Stable Diffusion first for years. Medium runs on consumer GPUs, which keeps local iteration fast. Weekend-alternative test: training a base image model is a datacenter project; fine-tuning a LoRA on this one is a weekend, and that's where most real product value comes from. Out-of-the-box output trails the best competitors in my testing. The specific thing that earns the ship: the most complete open tooling ecosystem in image generation.",
    publishedAt: "2025-08-11",
  },
  {
    tool: "stable-diffusion-3-5",
    reviewer: "marcus-hale",
    decision: "SKIP",
    body: "Direct competitors are FLUX.1 from Black Forest Labs, whose founders built earlier Stable Diffusion models, plus Midjourney, Ideogram and OpenAI's image generation in ChatGPT. SD 3.5 followed SD3 Medium's rough June 2024 launch and is a solid recovery, but in the open-weight tier FLUX.1 [dev] took the community's attention first and, in my read of the fine-tune ecosystem, has kept it. The scenario where this breaks: prompt adherence and anatomy in complex scenes, where side-by-side comparisons tend not to favour it. What kills this in 12 months is the company rather than the model: Stability AI has been through leadership turnover and a recapitalisation, and the Getty Images litigation is still unresolved. Skip.",
    publishedAt: "2025-08-12",
  },
  {
    tool: "stable-diffusion-3-5",
    reviewer: "ines-navarro",
    decision: "SKIP",
    body: "The thesis this bets on: open-weight image models become the default creative infrastructure, the way Linux became the default server OS. I believed that thesis in 2022 and I'm less sure now. It's falsifiable: if, by 2027, most commercial image generation runs on closed APIs inside design tools, the thesis failed, and the trend is moving that way as generation gets embedded in Adobe, Canva and the chat assistants. The second-order effect of Stable Diffusion was enormous, because it created the whole open tooling culture. But the dependency that has to hold is sustained investment in frontier open base models, and Stability AI's resources for that look thinner than its competitors'. Late to the current frontier. Skip.",
    publishedAt: "2025-08-13",
  },
  {
    tool: "stable-diffusion-3-5",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is a company that needs image generation inside its own product, on its own infrastructure, with no per-image fee. The Stability AI Community License makes that free for organisations under $1 million in annual revenue, and above that an Enterprise license is required: a genuine business model, priced to catch buyers only once they can afford it. That's more coherent than most open-weight monetisation I've seen. The moat is the installed base, since years of LoRAs, pipelines and internal tooling built around Stable Diffusion create switching costs that Stability can charge against. The stress test is vendor risk; the company's finances have been shaky, so negotiate a license that survives a change of ownership. Ships for buyers who self-host.",
    publishedAt: "2025-08-14",
  },

  // ── FLUX.1: 4/4 ────────────────────────────────────────────────────────────
  {
    tool: "flux-1",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is a 12-billion-parameter image model released in tiers: [schnell] under Apache 2.0, [dev] with open weights for non-commercial use, and [pro] through an API. The DX bet is that one model family serves every stage, so you prototype locally on schnell, iterate on dev and ship through the hosted API, and it works, with diffusers and ComfyUI support from the start. Prompt adherence and legible text in images were the first things I noticed, and the LoRA ecosystem caught up with Stable Diffusion's faster than I expected. Weekend-alternative test: nothing about a 12B flow-matching model is weekend work. Read the licensing tiers carefully before you ship on dev. The specific thing that earns the ship: frontier-quality output with an open-weight path you can actually build on.",
    publishedAt: "2025-08-18",
  },
  {
    tool: "flux-1",
    reviewer: "marcus-hale",
    decision: "SHIP",
    body: "Direct competitors are Midjourney, Stable Diffusion 3.5, Ideogram, Google's Imagen and OpenAI's image generation. FLUX.1 is the rare launch that reset a category: in my reading of public arenas and community comparisons it went straight into the top tier, and the team behind it built earlier Stable Diffusion models, so this isn't beginner's luck. Release discipline has held since, with FLUX1.1 [pro] and the Kontext editing models arriving with working APIs rather than waitlists. The scenario where this breaks: the non-commercial license on [dev] catches companies that prototyped on it and assumed they could ship it. What kills this in 12 months is the big labs folding image generation into their chat products at no marginal cost to users. Ships because the quality lead is real and the team keeps shipping.",
    publishedAt: "2025-08-19",
  },
  {
    tool: "flux-1",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis this bets on: image generation splits into an open base layer everyone customises and a premium hosted layer that funds it, the open-core model applied to generative media. That's falsifiable: if, by 2027, the best open image model is more than a generation behind the best closed one, the open half of the bet failed. FLUX.1 is on time, and its architecture choice, a large rectified-flow transformer, is where the field was heading anyway. The second-order effect I'd watch is in editing: once generation is good enough, the value moves to consistent characters and precise edits, which Black Forest Labs is already targeting with Kontext. The dependency that has to hold is that API revenue keeps funding open releases. Ships.",
    publishedAt: "2025-08-20",
  },
  {
    tool: "flux-1",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is two companies: platforms embedding image generation that pay per image through the API, with FLUX1.1 [pro] listed at $0.04 an image, and enterprises licensing the weights to self-host. Per-image pricing is the clearest meter in generative media, and buyers can forecast it, which procurement loves. The moat is quality plus a team with a track record, and the open tiers work as a funnel: developers learn on schnell and dev, then buy pro or a commercial license. The stress test is a price war with hyperscalers bundling image models into cloud credits, and at four cents an image there is room to cut. Ships because the path from free to paid is clean and the meter is honest.",
    publishedAt: "2025-08-21",
  },

  // ── Midjourney: 2/4 ────────────────────────────────────────────────────────
  {
    tool: "midjourney",
    reviewer: "priya-raman",
    decision: "SKIP",
    body: "The primitive here is an image generator with the best default aesthetic in the category and no official public API. You use it through the web app or the Discord bot, which is fine for a designer and a dead end for a developer: no SDK, no webhook, nothing to put in a build pipeline. Third-party wrappers that automate a Discord account exist, and they break the terms of service. The DX bet is that Midjourney is a product for people, not a primitive for software, and judged on those terms it's excellent. Weekend-alternative test: you can't build the model, but you can get programmatic image generation from FLUX or Stable Diffusion within an hour. The specific thing that costs the ship: there is nothing to integrate.",
    publishedAt: "2025-07-07",
  },
  {
    tool: "midjourney",
    reviewer: "marcus-hale",
    decision: "SHIP",
    body: "Direct competitors are FLUX.1, OpenAI's image generation, Google's Imagen, Ideogram and Stable Diffusion. Midjourney has held an aesthetic lead for about three years with a small, self-funded team and no public API, which tells you its users pay for taste rather than integrations. Version 7 and the move into video this year show it isn't standing still. The scenario where this breaks is legal: Disney and Universal sued it for copyright infringement in June, and that case goes to the heart of what it was trained on. What kills this in 12 months would be a ruling that forces retraining or licensing at scale, a risk shared across the category rather than unique to it. Ships because nobody has yet matched its default look.",
    publishedAt: "2025-07-08",
  },
  {
    tool: "midjourney",
    reviewer: "ines-navarro",
    decision: "SKIP",
    body: "The thesis this bets on: a standalone destination for image creation, separate from the tools where the images get used. I think that thesis is falsifiable and weakening. By 2027 I expect most commercial image generation to happen inside the design, productivity and chat tools people already work in, not in a separate app. Midjourney's taste is a real asset, but the second-order effect of generation moving into Canva, Adobe and chat assistants is that 'good enough, right here' beats 'better, over there' for most uses. Its new video work hints at bigger ambitions, but ambitions are a roadmap, not a product. The dependency that has to hold is that aesthetic quality stays a durable differentiator. Late to integration. Skip.",
    publishedAt: "2025-07-09",
  },
  {
    tool: "midjourney",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is the individual creative and the small studio, paying from $10 a month for Basic up to $120 for Mega, on a card, with no sales cycle. That's a subscription business with a clear meter, GPU time, and by every account I've read a profitable one built without outside funding, which is rare in this sector. The moat is brand and taste among creative professionals, plus a community gallery that doubles as marketing. The stress test is enterprise: no API, no procurement-friendly contract, and the Disney and Universal lawsuit makes indemnity the first question any large buyer will ask, so it's a weaker enterprise buy. For the buyer it actually serves, though, the unit economics are simple and fair. Ships.",
    publishedAt: "2025-07-10",
  },

  // ── Whisper: 3/4 ───────────────────────────────────────────────────────────
  {
    tool: "whisper",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is a speech recognition model with open weights under MIT, in sizes from tiny to large, with a command-line tool and a Python API that work out of the box. It's the canonical example of giving developers the weights: whisper.cpp, faster-whisper and a dozen other ports run it on everything from single-board computers to GPUs, and the hosted API is there at $0.006 a minute if you don't want to manage it. Multilingual transcription and translation into English come in the same model. Weekend-alternative test: nobody replicates 680,000 hours of training data in a weekend. Watch for hallucinated text during long silences, and put voice-activity detection upstream. The specific thing that earns the ship: the most portable speech primitive there is.",
    publishedAt: "2025-05-05",
  },
  {
    tool: "whisper",
    reviewer: "marcus-hale",
    decision: "SKIP",
    body: "Direct competitors are Deepgram, AssemblyAI, ElevenLabs' Scribe, NVIDIA's Parakeet models and, pointedly, OpenAI's own gpt-4o-transcribe, released this year and pitched as more accurate than Whisper. When the vendor ships a successor as a separate product, the original becomes the free tier of the market. The scenario where this breaks is well documented: Whisper can hallucinate fluent text that was never spoken, especially around silence and noise, and there have been public reports of exactly that in medical transcription. What kills this in 12 months as a default choice is the set of features it never had natively, such as speaker diarisation and true streaming. Skip as a new default for production; it remains the baseline everyone measures against.",
    publishedAt: "2025-05-06",
  },
  {
    tool: "whisper",
    reviewer: "ines-navarro",
    decision: "SHIP",
    body: "The thesis this bets on: speech recognition becomes a free, local utility, like a codec, rather than a metered cloud service. Whisper largely proved it. Falsifiable in the other direction: if, by 2027, most transcription still runs through paid cloud APIs, the thesis failed, and I don't think it will. The second-order effect is already visible: meeting notes, voice input and subtitles became features in every app, because the hard part became free. The dependency that has to hold is that open models keep pace with closed ones on accuracy and streaming, which distilled variants such as large-v3-turbo and the community ports suggest they can. It was early in 2022 and it is still on time. Ships.",
    publishedAt: "2025-05-07",
  },
  {
    tool: "whisper",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is any team that needs transcription and hates meters. Self-hosted, the marginal cost is your own compute; hosted, OpenAI charges $0.006 per minute, which makes a thousand hours of audio $360. That price sets the reference point for the whole category, and every commercial speech vendor now has to justify its premium against it. There's no moat for OpenAI here, and the buyer doesn't need one: switching costs are near zero in both directions because the weights are MIT-licensed. The stress test is accuracy on your own audio, since accents, crosstalk and domain vocabulary are where paid vendors earn their margin, so run that test before committing. Ships as the baseline every buyer should price against.",
    publishedAt: "2025-05-08",
  },

  // ── ElevenLabs: 3/4 ────────────────────────────────────────────────────────
  {
    tool: "elevenlabs",
    reviewer: "priya-raman",
    decision: "SHIP",
    body: "The primitive here is text-to-speech that sounds like a person, behind a REST API with streaming and WebSocket endpoints, plus voice cloning, speech-to-text and dubbing on the same key. The DX is polished: official SDKs, a voice library you can audition before writing code, and low-latency Flash models for conversational apps. The DX bet is every audio primitive on one platform, and the consistency across them beats stitching vendors together. Weekend-alternative test: open TTS models are improving, and you can get a decent voice running locally in a weekend, but not this quality, prosody and language coverage. My complaint is credit-based pricing that takes a spreadsheet to map back to characters per model. The specific thing that earns the ship: production-quality voice with minimal integration work.",
    publishedAt: "2025-09-15",
  },
  {
    tool: "elevenlabs",
    reviewer: "marcus-hale",
    decision: "SHIP",
    body: "Direct competitors are OpenAI's TTS models, Google Cloud Text-to-Speech, Azure AI Speech, Cartesia and PlayHT, plus a fast-improving set of open-weight voice models. In my judgment ElevenLabs has held the quality lead in expressive speech since early 2023, and unlike most category leaders it has widened its surface rather than narrowed it: transcription, dubbing and a conversational agents platform. The scenario where this breaks is voice-cloning abuse; a high-profile impersonation incident could bring regulation that lands hardest on the most visible vendor. What kills this in 12 months is price compression from the model labs, who can bundle good-enough voice into their chat APIs. Ships because the quality gap is still audible to me, and the product breadth gives it more than one way to win.",
    publishedAt: "2025-09-16",
  },
  {
    tool: "elevenlabs",
    reviewer: "ines-navarro",
    decision: "SKIP",
    body: "The thesis this bets on: voice becomes a primary interface for software, and the best-sounding voice wins. I agree with the first half and doubt the second. Falsifiable: by 2027 I expect most voice agents to run on speech-to-speech models that never produce intermediate text, bundled by the labs that make the underlying LLM. The second-order effect of that shift is that standalone TTS quality becomes a feature of the model rather than a product, so ElevenLabs has to become an agent platform to stay relevant, which it is attempting. The dependency that has to hold for the standalone business is that the labs stay a generation behind on voice quality. I think that gap closes within two years. Early to voice, at risk of being late to speech-native models. Skip.",
    publishedAt: "2025-09-17",
  },
  {
    tool: "elevenlabs",
    reviewer: "daniel-okafor",
    decision: "SHIP",
    body: "The buyer is wide and already paying: creators on self-serve plans from $5 a month, media companies buying dubbing, and enterprises deploying voice agents in customer support, where a minute of synthetic voice replaces a far more expensive minute of human time. That last buyer is the one that matters, because contact-centre budgets are large and the ROI is easy to measure. The moat is voice quality, a large voice library and enterprise trust built over several years. The stress test is a price war: if an LLM vendor bundles comparable voice at a fraction of the cost, self-serve customers churn first, while enterprise contracts with custom voices and compliance features are stickier. Ships because the buyer has budget and the value is measurable per minute.",
    publishedAt: "2025-09-18",
  },
];

export const comparisons: SeedComparison[] = [
  {
    slug: "claude-4-sonnet-vs-gpt-4o",
    toolA: "claude-4-sonnet",
    toolB: "gpt-4o",
    headline: "Frontier model showdown: which API do you build on?",
    intro:
      "Two of the most widely deployed frontier models, compared on coding, multimodal breadth, pricing and ecosystem. The panel was unanimous on one and split on the other.",
    publishedAt: "2025-06-09",
  },
  {
    slug: "gpt-4o-vs-gemini-2-5-pro",
    toolA: "gpt-4o",
    toolB: "gemini-2-5-pro",
    headline: "OpenAI's default or Google's long-context challenger?",
    intro:
      "GPT-4o is the model everything is benchmarked against; Gemini 2.5 Pro undercuts it on input price and offers a million-token context window. Here is where each one earns its place.",
    publishedAt: "2025-06-30",
  },
  {
    slug: "claude-4-sonnet-vs-gemini-2-5-pro",
    toolA: "claude-4-sonnet",
    toolB: "gemini-2-5-pro",
    headline: "Agentic coding or a million tokens of context?",
    intro:
      "Both models swept our panel, for different reasons. We set Anthropic's coding and computer-use focus against Google's long-context reasoning and pricing.",
    publishedAt: "2025-07-02",
  },
  {
    slug: "mistral-large-vs-llama-4",
    toolA: "mistral-large",
    toolB: "llama-4",
    headline: "Big models with downloadable weights: which license can you live with?",
    intro:
      "Mistral Large ships weights under a research license; Llama 4 ships mixture-of-experts weights under Meta's community license. We compare what you can actually deploy, and what it costs to run.",
    publishedAt: "2025-07-25",
  },
  {
    slug: "smolvlm2-2b-vs-moondream2",
    toolA: "smolvlm2-2b",
    toolB: "moondream2",
    headline: "Two tiny VLMs, one edge device: which do you ship?",
    intro:
      "Both are Apache 2.0 vision-language models around two billion parameters built to run locally. SmolVLM2 leans on documents and video; Moondream2 leans on detection and pointing.",
    publishedAt: "2025-06-20",
  },
  {
    slug: "minicpm-v-vs-paligemma",
    toolA: "minicpm-v",
    toolB: "paligemma",
    headline: "Phone-first multimodal model or fine-tune-first base model?",
    intro:
      "MiniCPM-V aims to be a capable assistant on your phone; PaliGemma aims to be the base you fine-tune for one job. The panel weighs capability against licensing and where each line is heading.",
    publishedAt: "2025-08-22",
  },
  {
    slug: "github-copilot-vs-cursor",
    toolA: "github-copilot",
    toolB: "cursor",
    headline: "Stay in your editor or switch to an AI-native one?",
    intro:
      "Copilot brings AI to the editor you already use; Cursor rebuilds the editor around it. We compare the workflow, the pricing and the business risk behind each.",
    publishedAt: "2025-07-18",
  },
  {
    slug: "stable-diffusion-3-5-vs-flux-1",
    toolA: "stable-diffusion-3-5",
    toolB: "flux-1",
    headline: "Who holds the open-weight image crown?",
    intro:
      "Stability AI's latest open model against the one built by the researchers who left it. We compare output quality, licensing and the tooling ecosystem around each.",
    publishedAt: "2025-08-28",
  },
  {
    slug: "flux-1-vs-midjourney",
    toolA: "flux-1",
    toolB: "midjourney",
    headline: "An API you can build on, or the best default look?",
    intro:
      "FLUX.1 offers open weights and a per-image API; Midjourney offers a subscription, a distinctive aesthetic and no public API. Which one fits depends on whether you are shipping software or making images.",
    publishedAt: "2025-09-10",
  },
  {
    slug: "whisper-vs-elevenlabs",
    toolA: "whisper",
    toolB: "elevenlabs",
    headline: "Free open-source transcription or a full voice platform?",
    intro:
      "Whisper is an open speech-recognition model; ElevenLabs is a commercial voice platform that also sells speech-to-text. We compare them where they overlap, turning speech into text, and on what each costs at scale.",
    publishedAt: "2025-09-25",
  },
];
