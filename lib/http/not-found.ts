import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors/domain-error";

/** For pages: a lookup that throws not_found renders the 404 page (another user's row looks missing). */
export function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  return lookup.catch((error) => {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  });
}
