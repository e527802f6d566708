// Classes that turn a table into one card per row below 640 px (Tailwind's `sm`), so a phone never
// scrolls sideways to reach a row's switch or buttons: the table, its body, rows and cells become
// blocks, the column headings stay for screen readers only, and each row is a padded block between
// the body's dividers. Presentational only: the table's markup (and what screen readers are told on
// a wide screen) is unchanged. Put it on the <table>; a minimum width the table has is undone there.
export const CARDS_ON_PHONES = [
  "max-sm:block max-sm:min-w-0",
  "max-sm:[&>thead]:sr-only",
  "max-sm:[&>tbody]:block max-sm:[&>tbody>tr]:block max-sm:[&>tbody>tr]:py-2",
  "max-sm:[&>tbody>tr>td]:block max-sm:[&>tbody>tr>th]:block",
  "max-sm:[&>tbody>tr>td]:py-1 max-sm:[&>tbody>tr>th]:py-1",
  "max-sm:[&>tbody>tr>*]:w-auto max-sm:[&>tbody>tr>*]:max-w-full max-sm:[&>tbody>tr>*]:break-words",
].join(" ");
