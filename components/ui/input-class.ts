// The console's text input look, apart from FormField (./form-field.tsx): a bundle takes a module
// whole, and a page with an input but no labelled field need not carry the field's code.
export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-invalid:border-red-600";
