/**
 * `compute` that keeps its last answer while it is asked again with the same arguments (`===`
 * each): for values derived from inputs that a render asks for many times and that change only
 * when an input does (issue 15).
 */
export function lastAnswer<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { readonly args: A; readonly answer: R } | undefined;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i])) return last.answer;
    const answer = compute(...args);
    last = { args, answer };
    return answer;
  };
}
