"use client";

import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { TrpcProvider } from "@/components/trpc-provider";

/** Client-side providers of every page: the tRPC + TanStack Query client and the toasts. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <TrpcProvider>
      {children}
      <Toaster position="top-center" richColors closeButton toastOptions={{ duration: 6000 }} />
    </TrpcProvider>
  );
}
