// Loaded with --import before a measured command: prints its peak memory and CPU time on exit.
process.on("exit", () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nmaxrss_kb ${u.maxRSS} cpu_us ${u.userCPUTime + u.systemCPUTime}\n`);
});
