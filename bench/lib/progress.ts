// A one-line progress bar rewritten in place with \r (plain lines when stdout is not a terminal).

export type ProgressBar = { update: (done: number, label?: string) => void; finish: (label?: string) => void };

export function progressBar(title: string, total: number): ProgressBar {
  const started = Date.now();
  const width = 30;
  const tty = process.stdout.isTTY;
  let lastPrinted = -1;
  const render = (done: number, label: string) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(share * width);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const line = `${title} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${seconds}s ${label}`;
    if (tty) {
      process.stdout.write(`\r${line.padEnd(110).slice(0, 110)}`);
    } else {
      // Without a terminal, print every 10% only.
      const decile = Math.floor(share * 10);
      if (decile !== lastPrinted) {
        lastPrinted = decile;
        process.stdout.write(`${line}\n`);
      }
    }
  };
  return {
    update: (done, label = "") => render(done, label),
    finish: (label = "done") => {
      render(total, label);
      if (tty) process.stdout.write("\n");
    },
  };
}
