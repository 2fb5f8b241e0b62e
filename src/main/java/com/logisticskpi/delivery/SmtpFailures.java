package com.logisticskpi.delivery;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * Tells a transient SMTP failure, worth another attempt, from a permanent one. Transient: the server refused the
 * connection or did not answer in time, or it replied with a 4xx code ("421 try again later", "451 local error").
 * Permanent: a 5xx reply (recipient or sender rejected, message refused), bad credentials, anything else. The
 * failure's causes are walked in order and the first one that tells decides.
 */
final class SmtpFailures {

    /** How Jakarta Mail reports a refused greeting or command: "... response: 421 4.3.2 busy". */
    private static final Pattern REPLY = Pattern.compile("response: ([245])\\d\\d\\b");

    private SmtpFailures() {
    }

    static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = next(t), depth++) {
            if (t instanceof AuthenticationFailedException || t instanceof MailAuthenticationException) {
                return false;
            }
            Integer code = replyCode(t);
            if (code != null && code >= 400) {
                return code < 500;
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Integer replyCode(Throwable t) {
        if (t instanceof MessagingException) {
            // Angus Mail's SMTPSendFailedException, SMTPAddressFailedException, SMTPSenderFailedException (a runtime
            // dependency only, hence no compile-time reference) carry the server's reply code
            try {
                Object code = t.getClass().getMethod("getReturnCode").invoke(t);
                if (code instanceof Integer c && c > 0) {
                    return c;
                }
            } catch (ReflectiveOperationException notAnSmtpReply) {
                // a plain MessagingException: the reply, if any, is in its message
            }
        }
        if (t instanceof MessagingException && t.getMessage() != null) {
            Matcher m = REPLY.matcher(t.getMessage());
            if (m.find()) {
                return Integer.parseInt(m.group(1)) * 100;
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MailSendException e && e.getCause() == null && e.getMessageExceptions().length > 0) {
            return e.getMessageExceptions()[0];                // a failed send keeps its causes per message
        }
        if (t instanceof MessagingException e && e.getNextException() != null) {
            return e.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
