import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const FIRST_LOAD = {
  sonner: [{ name: "sonner", message: "Use toast from @/components/ui/toast: it loads sonner only when a toast is shown." }],
  nextAuth: [{ name: "next-auth/react", message: "Sign in with @/components/auth/sign-in and sign out with @/components/auth/sign-out (plain requests to next-auth's endpoints): next-auth/react would load on every page." }],
  zod: [{ name: "zod", message: "Use the zod/mini schemas of server/schemas: classic zod is not tree-shakable and would weigh on every page with a form." }],
};

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
    files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    ignores: ["components/ui/toast.ts", "components/providers.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { paths: [...FIRST_LOAD.sonner, ...FIRST_LOAD.nextAuth, ...FIRST_LOAD.zod] }],
    },
  },
];

export default config;
