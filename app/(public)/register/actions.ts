"use server";

import { publicAction } from "@/lib/actions/client";
import { registerSchema, registerUser } from "@/lib/auth/register";
import { prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";

export const register = publicAction("auth.register", registerSchema, async (input) => {
  const user = await inTransaction(prisma, (tx) => registerUser(tx, input));
  return { email: user.email, role: user.role };
});
