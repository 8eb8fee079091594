import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      // The bench builds its bare Next.js app here (npm run bench).
      "bench/bare-next/.next/**",
      "bench/bare-next/next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/*", "**/lib/db"],
              message: "Only lib/<domain>/queries|actions touch the database; components get data as props.",
            },
          ],
        },
      ],
    },
  },
  {
    // Domain modules may import lib/db; layers point one way (app → components → lib), so lib never imports upward.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/components", "@/components/*", "@/app", "@/app/*", "**/components/*"], message: "lib/ never imports components/ or app/: layers point one way." },
            { group: ["@/scripts/*", "@/tests/*", "**/scripts/*", "**/tests/*"], message: "lib/ is the app's code; tooling lives in scripts/ and tests/helpers/." },
          ],
        },
      ],
    },
  },
  {
    // Server actions go through lib/http/action.ts: the handler gets parsed data, never the FormData (ADR 016).
    files: ["lib/*/actions.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^(get|getAll|entries|has|forEach|values|keys)$/][object.name=/^(form|formData|data)$/]",
          message: "Read a form only through lib/http/action.ts (formStateAction, formAction, argumentsAction): it validates every field.",
        },
        {
          selector: "CallExpression[callee.object.name='Object'][callee.property.name='fromEntries'][arguments.0.name=/^(form|formData)$/]",
          message: "Read a form only through lib/http/action.ts (formStateAction, formAction, argumentsAction): it validates every field.",
        },
      ],
    },
  },
  {
    // Scripts and tests may import anything, lib/db included.
    files: ["scripts/**", "tests/**", "prisma/**"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
