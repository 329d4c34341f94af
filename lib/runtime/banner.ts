import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo";
import { demoTotpSecret } from "@/lib/seed/demo-totp";

// CJK characters take two columns in a terminal.
const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, size: number) => text + " ".repeat(Math.max(0, size - width(text)));

/** The friendly block shown once the app answers: where to open it and how to sign in. */
export function banner(options: { url: string; dataDir: string; embedded: boolean; seeded: boolean; demoUsers: boolean }): string {
  const emailWidth = Math.max(...DEMO_ACCOUNTS.map((a) => width(a.email)));
  const nameWidth = Math.max(...DEMO_ACCOUNTS.map((a) => width(a.name)));
  const rows = DEMO_ACCOUNTS.map((a) => `    ${pad(a.email, emailWidth)}  ${pad(a.name, nameWidth)}  ${a.about}`);
  return [
    "",
    "  ┌──────────────────────────────────────────────────────────────",
    "  │ 安心付 Anxin Pay is running · 已启动",
    `  │ 打开 Open:  ${options.url}`,
    `  │ 数据 Data:  ${options.embedded ? `${options.dataDir} (embedded PostgreSQL)` : "DATABASE_URL"}${options.seeded ? " · demo data created" : ""}`,
    "  │ 停止 Stop:  Ctrl-C",
    "  └──────────────────────────────────────────────────────────────",
    ...(options.demoUsers
      ? [
          "",
          `  演示账户 Demo logins (密码 password: ${DEMO_PASSWORD})`,
          ...rows,
          "",
          "  管理员两步验证 Admin second factor: add a secret to an authenticator app, or print the current code",
          "  with `npm run totp -- <email>`",
          ...DEMO_ACCOUNTS.filter((a) => a.role === "ADMIN").map((a) => `    ${pad(a.email, emailWidth)}  ${demoTotpSecret(a.email)}`),
        ]
      : []),
    "",
  ].join("\n");
}
