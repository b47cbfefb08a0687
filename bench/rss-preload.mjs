// Loaded with --import before a measured command: prints its peak memory on exit.
process.on("exit", () => {
  process.stderr.write(`\nmaxrss_kb ${process.resourceUsage().maxRSS}\n`);
});
