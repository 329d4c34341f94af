/** How many lines one order may have; the form, the form parser and the schema all use this number. */
export const MAX_ORDER_LINES = 50;

/** How many of one item a line may have. */
export const MAX_LINE_QUANTITY = 10_000;
