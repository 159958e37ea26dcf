import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const FIRST_LOAD = {
  sonner: [{ name: "sonner", message: "Use toast from @/components/ui/toast: it loads sonner only when a toast is shown." }],
  nextAuth: [{ name: "next-auth/react", message: "Sign in with @/components/auth/sign-in and sign out with @/components/auth/sign-out (plain requests to next-auth's endpoints): next-auth/react would load on every page." }],
  forms: [
    { name: "zod", message: "These pages check their forms without zod: use the rules in server/schemas (text-rules, update-content-rules, review-rules, user-rules, recommendation-rules)." },
    { name: "react-hook-form", message: "These pages keep form values in React state." },
  ],
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
  // What the browser loads first. The workspace pages below check their forms with the zod-free
  // rules of server/schemas (text-rules, update-content-rules, review-rules, user-rules, recommendation-rules) and keep their values
  // in React state; sign-out is a plain form POST; toasts load sonner when shown. Keep it so: each
  // of these libraries costs 8-32 KB gzipped on every visit (bench/README.md, section 4).
  {
    files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    ignores: ["components/ui/toast.ts", "components/providers.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { paths: [...FIRST_LOAD.sonner, ...FIRST_LOAD.nextAuth] }],
    },
  },
  {
    files: ["components/commitments/**", "components/review/**", "components/layout/**", "components/ui/**", "components/users/**", "components/account/**", "components/recommendations/**", "components/auth/**"],
    ignores: ["components/ui/toast.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [...FIRST_LOAD.sonner, ...FIRST_LOAD.nextAuth, ...FIRST_LOAD.forms],
          patterns: [
            { group: ["zod/*", "@hookform/*"], message: "These pages check their forms without zod or react-hook-form: use the rules in server/schemas (text-rules, update-content-rules, review-rules, user-rules, recommendation-rules)." },
            {
              group: ["@/server/schemas/*", "!@/server/schemas/commitment-sorts", "!@/server/schemas/text-rules", "!@/server/schemas/update-content-rules", "!@/server/schemas/review-rules", "!@/server/schemas/user-rules", "!@/server/schemas/recommendation-rules"],
              allowTypeImports: true,
              message: "This schema module loads zod in the browser: import its types only, and check with the zod-free rules (text-rules, update-content-rules, review-rules, user-rules, recommendation-rules).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
