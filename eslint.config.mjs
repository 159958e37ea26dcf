import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const FIRST_LOAD = {
  sonner: [{ name: "sonner", message: "Use toast from @/components/ui/toast: it loads sonner only when a toast is shown." }],
  nextAuth: [{ name: "next-auth/react", message: "Sign in with @/components/auth/sign-in and sign out with @/components/auth/sign-out (plain requests to next-auth's endpoints): next-auth/react would load on every page." }],
  zod: [{ name: "zod", message: "Use the zod/mini schemas of server/schemas: classic zod is not tree-shakable and would weigh on every page with a form." }],
};

// Who may import what (README, "Layout"; ARCHITECTURE.md). Server code may reach the browser
// only as types: components take their data as props, which pages read through the tRPC server
// caller or server/api/page-loaders.ts; names and formatting both sides need are in server/shared.
// The server modules also begin with `import "server-only"`, so the build fails as well.
const under = (folders) => folders.flatMap((folder) => [`@/server/${folder}`, `@/server/${folder}/**`, `**/server/${folder}`, `**/server/${folder}/**`]);
const BOUNDARY = {
  browser: {
    group: under(["db", "services", "platform", "auth", "cli", "api", "test"]),
    allowTypeImports: true,
    message: "Components reach the browser: import server code for its types only. Pass data in as props (the page reads it through the server caller or server/api/page-loaders.ts); client-safe names and formatting live in server/shared.",
  },
  page: {
    group: under(["db", "services", "cli", "test"]),
    allowTypeImports: true,
    message: "Pages read through the tRPC server caller (server/api/server-caller.ts) or server/api/page-loaders.ts, not from services or the database.",
  },
  shared: {
    group: [...under(["db", "services", "platform", "auth", "cli", "api", "test", "schemas"]), "node:*", "@/prisma/generated/client", "pg", "@prisma/*", "server-only", "next/*"],
    message: "server/shared is imported by the browser and the server alike: no database, no Node.js APIs, no server modules.",
  },
};

// Punctuation and symbols that are the same in every language.
const ALLOWED_LITERALS = ["·", "⚠", "—", "–", "…", "%", "/", ":", "(", ")", "×", "→", "←", "↑", "↓", "!", "*", "+", "-", ",", ".", "|", "#"];


const config = [
  ...coreWebVitals,
  ...typescript,
  {
    ignores: ["node_modules/**", ".next*/**", ".data/**", "prisma/generated/**", "test-results/**", "playwright-report/**", "bench/results/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]", message: "Use tagged-template $queryRaw / $executeRaw." },
      ],
      "jsx-a11y/label-has-associated-control": "error",
    },
  },
  // What the browser loads first: sign-out is a plain form POST and toasts load sonner when shown
  // (bench/README.md, section 4). Forms check with the API's own zod/mini schemas (server/schemas).
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { paths: FIRST_LOAD.zod, patterns: [BOUNDARY.browser] }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["components/ui/toast.ts", "components/providers.tsx", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { paths: [...FIRST_LOAD.sonner, ...FIRST_LOAD.nextAuth, ...FIRST_LOAD.zod], patterns: [BOUNDARY.browser] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { paths: [...FIRST_LOAD.sonner, ...FIRST_LOAD.nextAuth, ...FIRST_LOAD.zod], patterns: [BOUNDARY.page] }],
    },
  },
  {
    // Route handlers answer requests, as the tRPC handler does: they may call services.
    files: ["app/api/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { paths: [...FIRST_LOAD.sonner, ...FIRST_LOAD.nextAuth, ...FIRST_LOAD.zod] }],
    },
  },
  // Every word a reader sees comes from the message catalogs (server/i18n/messages): no text in JSX,
  // and no literal in the attributes a reader or a screen reader gets.
  {
    files: ["components/**/*.tsx", "app/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": ["error", { noStrings: true, ignoreProps: true, allowedStrings: ALLOWED_LITERALS }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]", message: "Use tagged-template $queryRaw / $executeRaw." },
        {
          selector: "JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$/] > Literal[value=/[A-Za-z]/]",
          message: "Words a reader gets come from the message catalogs (useTranslations / getTranslations).",
        },
        {
          selector: "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label)$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]",
          message: "Words a reader gets come from the message catalogs (useTranslations / getTranslations).",
        },
      ],
    },
  },
  {
    files: ["server/shared/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [BOUNDARY.shared] }],
    },
  },
];

export default config;
