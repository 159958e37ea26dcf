"use client";

import type { ReactNode } from "react";
import dynamic from "next/dynamic";
import { TrpcProvider } from "@/components/trpc-provider";

// Loaded after the page is interactive: pages that never show a toast do not pay for it up front.
const Toaster = dynamic(() => import("sonner").then((module) => module.Toaster), { ssr: false });

/** Client-side providers of every page: the tRPC + TanStack Query client and the toasts. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <TrpcProvider>
      {children}
      <Toaster position="top-center" richColors closeButton toastOptions={{ duration: 6000 }} />
    </TrpcProvider>
  );
}
