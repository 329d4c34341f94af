"use client";

import { useTransition, type FormEvent } from "react";

/**
 * Submits a form to a server action without React's automatic form reset: a form passed to `action` is
 * cleared after every submission, so a validation error would wipe what the person typed. Forms that
 * should clear after success do so themselves. A file input marked invalid in the browser (FileInput: too
 * large, too many) stops the submission: the request would only be refused.
 *
 * Give the form the same action too (`<form action={action} onSubmit={submit}>`): submitted before the
 * scripts have loaded, it then posts to the server action instead of sending its fields (card numbers,
 * passwords) in a GET URL. With scripts, this handler runs and React leaves the form alone.
 */
export function useSubmit(dispatch: (data: FormData) => void) {
  const [, startTransition] = useTransition();
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalidFile = event.currentTarget.querySelector<HTMLInputElement>('input[type="file"]:invalid');
    if (invalidFile) {
      invalidFile.focus();
      return;
    }
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
}
