
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'form.error_summary.title': `There is a problem`,
'form.error_prefix': `Error:`,
'status.open': `Open`,
'status.action_required': `Action required`,
'status.pending': `Pending`,
'status.closed': `Closed`,
'status.open.meaning': `A support expert is looking at it.`,
'status.action_required.meaning': `Support needs information from you.`,
'status.pending.meaning': `A solution was given. The case closes by itself unless you reply.`,
'status.closed.meaning': `Read-only. Open a follow-up case if the problem persists.`,
'error.network': `We could not reach the support service. Check your connection and try again. Nothing you typed is lost.`,
'error.timeout': `The support service took too long to answer. Try again in a moment. Nothing you typed is lost.`,
'error.unauthorized': `Your session has ended. Sign in again to continue; what you typed is kept.`,
'error.forbidden': `You do not have access to this. Check that you are signed in with the right account.`,
'error.not_found': `We could not find this case. It may have been removed or belong to another account.`,
'error.conflict': `This case changed in the meantime (it may be closed). Reload it to see its current state.`,
'error.too_large': `This is larger than the support service accepts.`,
'error.validation': `Some answers need correcting.`,
'error.rate_limited': `Too many attempts. Wait a minute, then try again.`,
'error.server': `Something went wrong on our side. Try again in a few minutes. Nothing you typed is lost.`,
'error.bad_response': `The support service sent an answer we could not read. Try again in a few minutes.`,
'validation.required': `Answer this question.`,
'validation.too_long': `This is too long. Shorten it.`,
'validation.invalid_email': `Enter an email address in the right format, like name@example.com.`,
'validation.invalid_phone': `Enter a phone number, like +1 555 010 0199.`,
'validation.file_too_large': `The file is too large.`,
'validation.file_type': `This type of file is not accepted.`,
'validation.too_many_files': `You cannot add more files to this case.`,
'validation.invalid_choice': `Choose one of the options.`,
'validation.not_offered': `Support for this is not offered in this language.`,
    };
  