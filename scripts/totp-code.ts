import { stepAt, totpCode, TOTP_STEP_S } from "../lib/auth/totp";
import { demoTotpSecret } from "../lib/seed/demo-totp";

/** `npm run totp -- admin@anxin.test`: the current second-factor code of a demo administrator. */
const email = process.argv[2];
if (!email || !/^[^@\s]+@anxin\.test$/.test(email)) {
  console.error("Usage: npm run totp -- <demo admin email>, e.g. npm run totp -- admin@anxin.test");
  process.exit(2);
}
const now = new Date();
const left = TOTP_STEP_S - (Math.floor(now.getTime() / 1000) % TOTP_STEP_S);
console.log(`${totpCode(demoTotpSecret(email), stepAt(now))}  (${email}, valid for ${left} more seconds)`);
