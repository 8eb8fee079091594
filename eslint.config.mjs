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
    // The database layer itself, domain modules, scripts and tests may import lib/db.
    files: ["lib/**", "scripts/**", "tests/**", "prisma/**"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
