import { createHash } from "node:crypto";
import { base32Encode } from "../auth/totp";

/**
 * The demo administrators' second-factor secrets: fixed (20 bytes from the email), so `npm start` can print
 * them and the journeys can type a code. Demo data only: real administrators set theirs up at first sign-in.
 */
export const demoTotpSecret = (email: string) => base32Encode(createHash("sha1").update(`anxin-demo-totp:${email}`).digest());
