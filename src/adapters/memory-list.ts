/**
 * The memory backend's case list (issue 15): per signed-in user, the cases they may see, their
 * search text, their sort orders and the last search's matches, so a keystroke over 100,000
 * cases costs a few `indexOf` over two contiguous strings and a walk to the requested page.
 *
 * - A search marks its matches in a byte mask (one byte per case, buffers reused); the total is
 *   the mask's count, and a page walks the sort order only up to its last row: no array of all
 *   matches is built.
 * - A search that can only keep fewer cases than the previous one (typing one more letter:
 *   every previous word is inside a new word) re-checks the previous matches alone when they
 *   are few; when they are many, marking afresh is cheaper than one `includes` per match.
 * - The mask does not depend on the order, so a new sort keeps it; each order is sorted once,
 *   and its reverse is read off it in O(n) (ties keep the store's order in both directions).
 * - Answers are those of filtering every case with `matchesCaseSearch` and sorting them with
 *   a stable sort; the store's writes replace its array or append to it, so the array's
 *   identity and length tell when all of this is stale.
 */
import { foldCase, maySeeCase, parseCaseSearch, sameEmail, type CaseSearch } from '../core/access.js';
import { STATUSES, type Status, type Ticket } from '../core/ticket.js';
import type { TicketQuery, TicketSort } from './backend.js';

export interface ListPage {
  readonly tickets: readonly Ticket[];
  readonly total: number;
}

/** Below this share of all cases, re-checking the previous matches one by one beats marking afresh. */
const NARROW_SHARE = 0.25;

/** One string of many, `\n` between them, and where each starts: an `indexOf` finds which hold a needle. */
function joinedText(texts: readonly string[], text: string) {
  const starts = new Int32Array(texts.length + 1);
  let at = 0;
  texts.forEach((t, i) => {
    starts[i] = at;
    at += t.length + 1;
  });
  starts[texts.length] = at;
  return {
    /** Sets `into[i] = 1` for the strings holding `needle`, a needle without `\n`; how many were 0 before. */
    mark(needle: string, into: Uint8Array): number {
      let i = 0;
      let added = 0;
      let hit = text.indexOf(needle);
      while (hit >= 0) {
        while ((starts[i + 1] ?? Infinity) <= hit) i++;
        added += 1 - (into[i] ?? 0);
        into[i] = 1;
        hit = text.indexOf(needle, starts[i + 1] ?? text.length); // on to the next string
      }
      return added;
    },
  };
}

/**
 * The search text of the visible cases: their numbers in one string and their folded subjects
 * in another, `\n` between cases. A search is then a few `indexOf` over contiguous strings, not
 * two `includes` per case on strings scattered over the heap. No search word contains `\n`
 * (words are split on white space) and digits never do, so a hit never spans two cases. The
 * subjects are folded in one call: `\n` is neither cased nor case-ignorable, so it bounds the
 * context of context-sensitive mappings (final sigma) as the end of a string does; lowercasing
 * never shortens a string, so when the length is unchanged every subject kept its length, and
 * where one did not (İ), each subject is folded on its own.
 */
function createSearchText(cases: readonly Ticket[]) {
  const numbers = cases.map((t) => t.number);
  const raw = cases.map((t) => t.subject);
  const joined = raw.join('\n');
  let folded = foldCase(joined);
  let subjects: readonly string[] | undefined;
  if (folded.length !== joined.length) {
    subjects = raw.map(foldCase);
    folded = subjects.join('\n');
  }
  const numberText = joinedText(numbers, numbers.join('\n'));
  const subjectText = joinedText(subjects ?? raw, folded);
  const seen = new Uint8Array(cases.length);

  /** Each case's folded subject, as the joined text holds it (built on the first narrowing). */
  function folds(): readonly string[] {
    if (!subjects) {
      const text = folded;
      let at = 0;
      subjects = raw.map((s) => {
        const own = text.slice(at, at + s.length);
        at += s.length + 1;
        return own;
      });
    }
    return subjects;
  }

  return {
    /**
     * Sets `found[i]` to 1 where case `i` matches `search` (as `matchesCaseSearch` says), else 0;
     * how many match. Counted from the hits, so a one-word search never loops over every case.
     */
    mark(search: CaseSearch, found: Uint8Array): number {
      found.fill(0);
      let count = 0;
      const [first, ...rest] = search.words;
      if (first !== undefined) {
        count = subjectText.mark(first, found);
        for (const word of rest) {
          seen.fill(0);
          subjectText.mark(word, seen);
          count = 0;
          for (let i = 0; i < found.length; i++) count += found[i] = (found[i] ?? 0) & (seen[i] ?? 0);
        }
      }
      if (search.digits !== undefined) count += numberText.mark(search.digits, found);
      return count;
    },
    /** Whether case `i` matches `search`, checked on its own. */
    matches(i: number, search: CaseSearch): boolean {
      if (search.digits !== undefined && numbers[i]?.includes(search.digits)) return true;
      const subject = folds()[i] ?? '';
      return search.words.every((word) => subject.includes(word));
    },
  };
}

/**
 * Whether every case matching `next` also matches `previous`: every previous word lies inside
 * a word of `next` (a subject holding the longer word holds the shorter), and when `next` may
 * match by number, `previous` matches that number too. Compared on folded words, not on typed
 * text: folding is context-sensitive (a final Σ), so a longer typed text need not fold to a
 * longer folded one.
 */
function narrows(previous: CaseSearch, next: CaseSearch): boolean {
  if (next.digits !== undefined && (previous.digits === undefined || !next.digits.includes(previous.digits))) return false;
  return previous.words.every((word) => next.words.some((w) => w.includes(word)));
}

/**
 * A stable sort of `order` (positions into `cases`) by `key`, ascending; then its stable
 * descending twin in O(n): the ascending runs of equal keys, last run first, each run kept in
 * the store's order.
 */
function sortOrders(cases: readonly Ticket[], key: 'number' | 'updatedAt'): { asc: Int32Array; desc: Int32Array } {
  const keys = cases.map((t) => t[key]);
  const asc = Int32Array.from(
    [...keys.keys()].sort((a, b) => {
      const x = keys[a] ?? '';
      const y = keys[b] ?? '';
      return x < y ? -1 : x > y ? 1 : a - b;
    }),
  );
  const desc = new Int32Array(asc.length);
  let out = 0;
  let end = asc.length;
  while (end > 0) {
    let start = end - 1;
    const k = keys[asc[start] ?? 0];
    while (start > 0 && keys[asc[start - 1] ?? 0] === k) start--;
    desc.set(asc.subarray(start, end), out);
    out += end - start;
    end = start;
  }
  return { asc, desc };
}

const statusCode = (status: Status): number => STATUSES.indexOf(status) + 1;

/**
 * Moves case `i` in `order`, sorted by `keyOf` (`direction` 1 ascending, -1 descending) and
 * then by position in the store, from where `from` put it to where `to` puts it: two binary
 * searches and a shift of the cases between, instead of sorting every case again.
 */
function move(order: Int32Array, i: number, from: string, to: string, keyOf: (j: number) => string, direction: number): void {
  /** The first place whose case comes after (`key`, `i`). */
  const place = (key: string, length: number): number => {
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const j = order[mid] ?? 0;
      const k = j === i ? from : keyOf(j);
      if (k === key ? j < i : (k < key ? -direction : direction) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const n = order.length;
  const at = place(from, n);
  order.copyWithin(at, at + 1);
  const into = place(to, n - 1);
  order.copyWithin(into + 1, into, n - 1);
  order[into] = i;
}

const mayList = (t: Ticket, userEmail: string): boolean => maySeeCase({ requesterEmail: t.requester.email, watcherEmails: t.watchers.map((w) => w.email) }, userEmail);

export function createMemoryList(tickets: () => readonly Ticket[]) {
  let source: readonly Ticket[] | undefined;
  let sourceLength = -1;
  let email = '';
  let visible: Ticket[] = [];
  let statuses = new Uint8Array(0);
  let searchText = createSearchText([]);
  const orders = new Map<'number' | 'updatedAt', { asc: Int32Array; desc: Int32Array }>();
  /** Matches of `search` (with the state filter `status`), one byte per visible case. */
  let mask = new Uint8Array(0);
  let last: { search: CaseSearch; status: number; total: number } | undefined;
  /** Where the last page ended, to start the next page of the same query there. */
  let resume: { query: string; offset: number; position: number } | undefined;
  /** Where each visible case is in `visible`, by number (built on the first change). */
  let places: Map<string, number> | undefined;
  /** A change the list could not follow: everything is built again on the next query. */
  let stale = false;

  function refresh(userEmail: string): void {
    const all = tickets();
    if (!stale && all === source && all.length === sourceLength && sameEmail(userEmail, email)) return;
    stale = false;
    places = undefined;
    source = all;
    sourceLength = all.length;
    email = userEmail;
    visible = all.filter((t) => mayList(t, userEmail));
    statuses = Uint8Array.from(visible, (t) => statusCode(t.status));
    searchText = createSearchText(visible);
    orders.clear();
    mask = new Uint8Array(visible.length);
    last = undefined;
    resume = undefined;
  }

  function order(sort: TicketSort): Int32Array {
    const key = sort.startsWith('number') ? 'number' : 'updatedAt';
    let both = orders.get(key);
    if (!both) {
      both = sortOrders(visible, key);
      orders.set(key, both);
    }
    return sort.endsWith('asc') ? both.asc : both.desc;
  }

  /** Marks the matches of `search` and `status` in `mask`; the count of matches. */
  function search(search: CaseSearch, status: number): number {
    if (last && (last.status === 0 || last.status === status) && narrows(last.search, search) && last.total <= NARROW_SHARE * mask.length) {
      let total = 0;
      for (let i = 0; i < mask.length; i++) {
        if (mask[i] === 0) continue;
        if ((status === 0 || statuses[i] === status) && searchText.matches(i, search)) total++;
        else mask[i] = 0;
      }
      last = { search, status, total };
      return total;
    }
    let total = searchText.mark(search, mask);
    if (status === 0) {
      last = { search, status, total };
      return total;
    }
    total = 0;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] === 0) continue;
      if (statuses[i] === status) total++;
      else mask[i] = 0;
    }
    last = { search, status, total };
    return total;
  }

  return {
    /**
     * Builds `userEmail`'s list (their cases, search text, default order) now: a bulk insert
     * pays for its indexes, as a database's insert does, instead of the first query (issue 15:
     * 10,000 cases' first page waited about 10 ms for them, 100,000 cases' about 100 ms).
     */
    prepare(userEmail: string): void {
      refresh(userEmail);
      order('updated_desc');
    },

    /**
     * The store replaced `before` with `after` in place (same number and subject: every write
     * does): the list follows it in O(n) at worst rather than being built again, unless the
     * case comes into or leaves the signed-in user's sight.
     */
    changed(before: Ticket, after: Ticket): void {
      if (source === undefined || stale) return;
      places ??= new Map(visible.map((t, i) => [t.number, i]));
      const i = places.get(before.number);
      const seen = mayList(after, email);
      if (i === undefined || !seen || after.number !== before.number || after.subject !== before.subject) {
        stale = i !== undefined || seen;
        return;
      }
      resume = undefined;
      const times = orders.get('updatedAt');
      if (times && after.updatedAt !== before.updatedAt) {
        const keyOf = (j: number) => visible[j]?.updatedAt ?? '';
        move(times.asc, i, before.updatedAt, after.updatedAt, keyOf, 1);
        move(times.desc, i, before.updatedAt, after.updatedAt, keyOf, -1);
      }
      visible[i] = after;
      if (after.status !== before.status) {
        statuses[i] = statusCode(after.status);
        // The mask holds the last search's state filter too: a state change may change it.
        if (last && last.status !== 0) last = undefined;
      }
    },

    /** The cases `userEmail` may see that match `query`, in its order: `limit` of them from `offset`, and how many in all. */
    page(userEmail: string, query: TicketQuery, offset: number, limit: number): ListPage {
      refresh(userEmail);
      const parsed = parseCaseSearch(query.search);
      const status = query.status ? statusCode(query.status) : 0;
      const ranked = order(query.sort ?? 'updated_desc');
      const key = `${query.sort ?? ''}|${status}|${parsed ? `${parsed.words.join(' ')}|${parsed.digits ?? ''}` : ''}`;
      let total: number;
      let keep: (i: number) => boolean;
      if (parsed) {
        const same = last && last.status === status && narrows(last.search, parsed) && narrows(parsed, last.search);
        total = same && last ? last.total : search(parsed, status);
        keep = (i) => mask[i] === 1;
      } else if (status) {
        total = 0;
        for (const s of statuses) if (s === status) total++;
        keep = (i) => statuses[i] === status;
      } else {
        const end = Math.min(offset + limit, visible.length);
        const tickets = offset < end ? Array.from(ranked.subarray(offset, end), (i) => visible[i] as Ticket) : [];
        return { tickets, total: visible.length };
      }
      const found: Ticket[] = [];
      let seen = 0;
      let position = 0;
      if (resume?.query === key && resume.offset <= offset) {
        seen = resume.offset;
        position = resume.position;
      }
      for (; position < ranked.length && found.length < limit; position++) {
        const i = ranked[position] ?? 0;
        if (!keep(i)) continue;
        if (seen++ >= offset) found.push(visible[i] as Ticket);
      }
      resume = { query: key, offset: seen, position };
      return { tickets: found, total };
    },
  };
}
