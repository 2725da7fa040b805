import { expect } from '@open-wc/testing';
import { matchesCaseSearch, mayChangeWatchers, mayFollowUp, maySeeCase, parseCaseSearch, type CaseSearch } from '../../src/core/access.js';

function parsed(query: string): CaseSearch {
  const search = parseCaseSearch(query);
  if (!search) throw new Error(`"${query}" parsed as no filter`);
  return search;
}

const people = { requesterEmail: 'alex@example.com', watcherEmails: ['manager@example.com'] };

describe('core/access', () => {
  it('lets the requester and the watchers see a case, and nobody else', () => {
    expect(maySeeCase(people, 'alex@example.com')).to.equal(true);
    expect(maySeeCase(people, 'Manager@Example.com')).to.equal(true);
    expect(maySeeCase(people, 'sam@example.com')).to.equal(false);
  });

  it('lets the requester add and remove any watcher, a watcher add watchers and remove only themselves', () => {
    const add = (email: string) => ({ type: 'add', email }) as const;
    const remove = (email: string) => ({ type: 'remove', email }) as const;
    const team = { requesterEmail: 'alex@example.com', watcherEmails: ['manager@example.com', 'cfo@example.com'] };
    expect(mayChangeWatchers(team, 'Alex@Example.com', add('new@example.com'))).to.equal(true);
    expect(mayChangeWatchers(team, 'alex@example.com', remove('cfo@example.com'))).to.equal(true);
    expect(mayChangeWatchers(team, 'alex@example.com', remove('nobody@example.com'))).to.equal(true);
    expect(mayChangeWatchers(team, 'manager@example.com', add('new@example.com'))).to.equal(true);
    expect(mayChangeWatchers(team, 'manager@example.com', remove(' Manager@example.com'))).to.equal(true);
    expect(mayChangeWatchers(team, 'manager@example.com', remove('cfo@example.com'))).to.equal(false);
    expect(mayChangeWatchers(team, 'manager@example.com', remove('alex@example.com'))).to.equal(false);
    expect(mayChangeWatchers(team, 'sam@example.com', add('sam@example.com'))).to.equal(false);
    expect(mayChangeWatchers(team, 'sam@example.com', remove('sam@example.com'))).to.equal(false);
  });

  it('offers a follow-up only for a closed case the customer may see', () => {
    expect(mayFollowUp({ ...people, status: 'closed' }, 'alex@example.com')).to.equal(true);
    expect(mayFollowUp({ ...people, status: 'pending' }, 'alex@example.com')).to.equal(false);
    expect(mayFollowUp({ ...people, status: 'closed' }, 'sam@example.com')).to.equal(false);
  });

  it('matches every word of a query in the subject, in any order and case', () => {
    const search = parsed('  envelope Signing ');
    expect(search).to.deep.equal({ words: ['envelope', 'signing'], digits: undefined });
    expect(matchesCaseSearch({ number: '10000001', subject: 'Signing an envelope fails' }, search)).to.equal(true);
    expect(matchesCaseSearch({ number: '10000001', subject: 'Envelope is stuck' }, search)).to.equal(false);
  });

  it('finds a case by its number, with or without a leading #', () => {
    const search = parsed('#10000005');
    expect(search.digits).to.equal('10000005');
    expect(matchesCaseSearch({ number: '10000005', subject: 'Anything' }, search)).to.equal(true);
    expect(matchesCaseSearch({ number: '10000006', subject: 'Anything' }, search)).to.equal(false);
  });

  it('treats a blank query as no filter', () => {
    expect(parseCaseSearch('   ')).to.equal(undefined);
    expect(parseCaseSearch('#')).to.equal(undefined);
    expect(parseCaseSearch(undefined)).to.equal(undefined);
  });
});
