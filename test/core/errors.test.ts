// Typed failures and the abort check elements use to tell "cancelled" from "failed".
import { expect } from '@open-wc/testing';
import {
  ERROR_KINDS,
  SupportError,
  assertValid,
  isAbort,
  isSupportError,
  type FieldError,
} from '../../src/core/errors.js';

describe('core/errors', () => {
  describe('SupportError', () => {
    it('is an Error with its own name, kind and message', () => {
      const error = new SupportError('not_found', 'Ticket 42 not found');
      expect(error).to.be.instanceOf(Error);
      expect(error).to.be.instanceOf(SupportError);
      expect(error.name).to.equal('SupportError');
      expect(error.kind).to.equal('not_found');
      expect(error.message).to.equal('Ticket 42 not found');
      expect(String(error)).to.equal('SupportError: Ticket 42 not found');
    });

    it('defaults to no field errors and undefined details', () => {
      const error = new SupportError('network', 'offline');
      expect(error.fieldErrors).to.deep.equal([]);
      expect(error.retryAfterSeconds).to.equal(undefined);
      expect(error.status).to.equal(undefined);
      expect(error.conflict).to.equal(undefined);
      expect(error.cause).to.equal(undefined);
      expect('cause' in error).to.equal(false);
    });

    it('carries every detail it is given', () => {
      const fieldErrors: FieldError[] = [{ field: 'subject', code: 'required' }];
      const cause = new TypeError('Failed to fetch');
      const error = new SupportError('conflict', 'closed', {
        fieldErrors,
        retryAfterSeconds: 30,
        status: 409,
        conflict: 'closed',
        cause,
      });
      expect(error.fieldErrors).to.deep.equal(fieldErrors);
      expect(error.retryAfterSeconds).to.equal(30);
      expect(error.status).to.equal(409);
      expect(error.conflict).to.equal('closed');
      expect(error.cause).to.equal(cause);
    });

    it('accepts every declared kind', () => {
      for (const kind of ERROR_KINDS) expect(new SupportError(kind, kind).kind).to.equal(kind);
    });
  });

  describe('isSupportError', () => {
    it('recognises a SupportError and nothing else', () => {
      expect(isSupportError(new SupportError('server', 'boom'))).to.equal(true);
      expect(isSupportError(new Error('boom'))).to.equal(false);
      expect(isSupportError({ name: 'SupportError', kind: 'server' })).to.equal(false);
      expect(isSupportError(undefined)).to.equal(false);
    });
  });

  describe('assertValid', () => {
    it('passes no errors, and throws a 422 validation error that carries the ones it gets', () => {
      expect(() => assertValid([])).not.to.throw();
      const errors: FieldError[] = [{ field: 'subject', code: 'required' }];
      try {
        assertValid(errors);
        expect.fail('assertValid did not throw');
      } catch (error) {
        expect(error).to.be.instanceOf(SupportError);
        expect(error).to.include({ kind: 'validation', status: 422 });
        expect(error).to.have.deep.property('fieldErrors', errors);
      }
    });
  });

  describe('isAbort', () => {
    it("is true for a real fetch rejected by an AbortController's abort (DOMException)", async () => {
      const controller = new AbortController();
      controller.abort();
      let rejection: unknown;
      try {
        await fetch(window.location.href, { signal: controller.signal });
      } catch (error) {
        rejection = error;
      }
      expect(rejection).to.be.instanceOf(DOMException);
      expect(isAbort(rejection)).to.equal(true);
    });

    it('is true for an aborted signal mid-flight', async () => {
      const controller = new AbortController();
      const pending = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason));
      });
      controller.abort();
      let rejection: unknown;
      await pending.catch((error: unknown) => {
        rejection = error;
      });
      expect(isAbort(rejection)).to.equal(true);
    });

    it('is true for signal.throwIfAborted() after abort()', () => {
      const controller = new AbortController();
      controller.abort();
      let thrown: unknown;
      try {
        controller.signal.throwIfAborted();
      } catch (error) {
        thrown = error;
      }
      expect(isAbort(thrown)).to.equal(true);
    });

    it('is false when the abort carries a custom reason that is not an AbortError', () => {
      const controller = new AbortController();
      controller.abort(new Error('user left'));
      expect(isAbort(controller.signal.reason)).to.equal(false);
    });

    it('is false for a timeout (AbortSignal.timeout): that is a failure to report', async () => {
      const signal = AbortSignal.timeout(1);
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      expect(signal.reason).to.be.instanceOf(DOMException).and.have.property('name', 'TimeoutError');
      expect(isAbort(signal.reason)).to.equal(false);
    });

    it('is false for other errors and non-objects', () => {
      expect(isAbort(new Error('AbortError'))).to.equal(false);
      expect(isAbort(new SupportError('network', 'offline'))).to.equal(false);
      expect(isAbort('AbortError')).to.equal(false);
      expect(isAbort(null)).to.equal(false);
      expect(isAbort(undefined)).to.equal(false);
    });
  });
});
