import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { authenticate } from "./login";
import { clientIp } from "./client-ip";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await authenticate(prisma, {
            email: String(credentials?.email ?? ""),
            password: String(credentials?.password ?? ""),
            ip: clientIp(req?.headers as Record<string, string | string[] | undefined> | undefined),
          });
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        } catch (error) {
          // next-auth passes the message to the client as `error`: only our codes, never internals.
          if (isDomainError(error)) {
            const minutes = error.params.minutes;
            throw new Error(minutes ? `${error.code}:${minutes}` : error.code);
          }
          console.error(JSON.stringify({ level: "error", at: "auth.authorize", message: (error as Error).message }));
          throw new Error("unexpected");
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as unknown as { role: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid as string;
        session.user.role = token.role as Role;
      }
      return session;
    },
  },
};
