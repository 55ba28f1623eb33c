package org.trackmycrime.portal;

/** The second factor an account asks for after the password, if any. */
public enum SecondFactor {
  /** The password alone signs in. */
  NONE,
  /** A code from an authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps). */
  TOTP,
  /** A 6-digit code sent by text to the account's confirmed mobile number. */
  SMS
}
