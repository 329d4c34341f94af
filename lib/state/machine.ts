import { DomainError } from "@/lib/errors/domain-error";

/**
 * An explicit state machine: the allowed transitions are listed, everything else is refused with
 * `invalid_transition` naming both states. Orders, disputes, loans and merchants each define one.
 */
export function defineStateMachine<S extends string>(name: string, transitions: Record<S, readonly S[]>) {
  const can = (from: S, to: S) => transitions[from]?.includes(to) ?? false;
  const refusal = (from: S, to: S) =>
    new DomainError("invalid_transition", { params: { machine: name, from, to }, detail: `${name}: ${from} → ${to} is not allowed` });
  return {
    name,
    transitions,
    can,
    allowedFrom: (from: S): readonly S[] => transitions[from] ?? [],
    /** The error for a transition that is not allowed. */
    refusal,
    assert(from: S, to: S) {
      if (!can(from, to)) throw refusal(from, to);
    },
  };
}
