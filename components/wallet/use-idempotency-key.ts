"use client";

import { useCallback, useState } from "react";

/**
 * One key per intended payment: the same key rides along on a double click or a retry, so the server moves
 * the money once. A new key is made only after the server has answered successfully.
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return [key, renew] as const;
}
