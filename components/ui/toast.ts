// The app's toasts. sonner is loaded after the page is interactive (its <Toaster> in
// providers.tsx is a lazy import of the same module), so a page's first load never includes it:
// a toast imports sonner when it is shown, which by then is already loaded.

function show(kind: "success" | "error", message: string) {
  void import("sonner").then(({ toast }) => toast[kind](message));
}

export const toast = {
  success: (message: string) => show("success", message),
  error: (message: string) => show("error", message),
};
