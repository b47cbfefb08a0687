#!/usr/bin/env node
// `npm start`: local D1 migrations → wrangler dev on 127.0.0.1 (state in .wrangler/) → demo seed
// (one department, three branches, default rule set and the built-in templates as version 1,
// one open collection). Tokens are printed once, on the first start only.
import { applyMigrations, portInUse, seed, startWorker, stopOnSignals, waitReady } from "./dev-server.mjs";

const port = Number(process.env.PORT ?? 8787);
if (await portInUse(port)) {
  console.error(`端口 ${port} 已被占用（可能已有一个 npm start 在运行），请先停止它，或用 PORT=8788 npm start 换一个端口。`);
  console.error(`Port ${port} is in use (is another npm start running?); stop it, or pick another port: PORT=8788 npm start`);
  process.exit(1);
}
console.log("» 应用本地 D1 迁移 / applying local D1 migrations …");
applyMigrations();
console.log(`» 启动本地 Worker / starting wrangler dev on http://127.0.0.1:${port} …`);
const { child, base, seedSecret } = startWorker({ port });
stopOnSignals(child);
child.on("exit", (code) => process.exit(code ?? 0));
try {
  await waitReady(base, child);
  const s = await seed(base, seedSecret);
  if (s.seeded) {
    console.log("\n=== 示范数据已建立 / demo seeded (tokens are shown ONCE; copy them now) ===");
    console.log(`部门 / department: ${s.department.id} ${s.department.name}`);
    console.log(`管理员令牌 / admin token: ${s.adminToken}`);
    for (const [branch, token] of Object.entries(s.clerkTokens)) console.log(`填报员令牌 / clerk token ${branch}: ${token}`);
    console.log(`规则集 / rule set: ${s.ruleSet}@1; 模板 / templates: ${s.templates.join(", ")} (@1)`);
    console.log(`报送任务 / open collection: ${s.collectionId}`);
  } else {
    console.log("\n示范数据已存在，未重复建立（令牌只在首次启动时显示）/ demo already seeded; tokens were shown on the first start.");
  }
  console.log(`\nAPI: ${base}/v1  ·  OpenAPI: ${base}/v1/openapi.json  ·  Ctrl-C to stop\n`);
} catch (e) {
  console.error(String(e));
  child.kill("SIGTERM");
  process.exit(1);
}
