package coop.lattice.federation.keys;

import java.util.Arrays;

/**
 * Base58 with Bitcoin's alphabet (multibase's {@code z}), as FEP-521a keys and FEP-8b32 proof
 * values are written. Each leading zero byte is one leading {@code 1}; the rest is the number in
 * base 58, worked out five digits at a time on 32-bit limbs (a proof value's 88 characters cost a
 * few hundred multiplications, not a {@code BigInteger} per character). The work grows with the
 * square of the length: callers that read text from elsewhere bound it first.
 */
final class Base58 {
  private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] DIGIT = new int[128];

  static {
    Arrays.fill(DIGIT, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      DIGIT[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    int[] number = limbs(input, zeros); // little-endian 32-bit limbs
    int used = number.length;
    while (used > 0 && number[used - 1] == 0) {
      used--;
    }
    // log(256) / log(58) < 1.37: enough base-58 digits for the bytes after the zeros, and a group's slack
    char[] digits = new char[(int) ((input.length - zeros) * 137L / 100) + GROUP];
    int end = digits.length;
    while (used > 0) { // divide by 58^5; the remainder is the next five digits, lowest first
      long remainder = 0;
      for (int i = used - 1; i >= 0; i--) {
        long n = (remainder << 32) | (number[i] & 0xffffffffL);
        number[i] = (int) (n / GROUP_BASE);
        remainder = n % GROUP_BASE;
      }
      while (used > 0 && number[used - 1] == 0) {
        used--;
      }
      for (int k = 0; k < GROUP && (used > 0 || remainder > 0); k++) { // no leading ones from the top group
        digits[--end] = ALPHABET[(int) (remainder % 58)];
        remainder /= 58;
      }
    }
    StringBuilder b = new StringBuilder(zeros + digits.length - end);
    for (int i = 0; i < zeros; i++) {
      b.append('1');
    }
    return b.append(digits, end, digits.length - end).toString();
  }

  /**
   * The bytes {@code text} encodes.
   *
   * @throws IllegalArgumentException naming the first character outside the alphabet
   */
  static byte[] decode(CharSequence text) {
    int length = text.length();
    int zeros = 0;
    while (zeros < length && text.charAt(zeros) == '1') {
      zeros++;
    }
    // log(58) / log(256) < 0.733: enough bytes for the digits after the leading ones
    int[] number = new int[(int) (((length - zeros) * 733L / 1000 + 1 + 3) / 4) + 1];
    int used = 0;
    for (int i = zeros; i < length; ) { // up to five digits at a time: times 58^k, plus their value
      long multiplier = 1;
      long carry = 0;
      for (int k = 0; k < GROUP && i < length; k++, i++) {
        char c = text.charAt(i);
        int digit = c < 128 ? DIGIT[c] : -1;
        if (digit < 0) {
          throw new IllegalArgumentException("not base58: '" + c + "' at " + i);
        }
        carry = carry * 58 + digit;
        multiplier *= 58;
      }
      for (int j = 0; j < used; j++) {
        long n = (number[j] & 0xffffffffL) * multiplier + carry;
        number[j] = (int) n;
        carry = n >>> 32;
      }
      if (carry != 0) {
        number[used++] = (int) carry;
      }
    }
    int significant = used * 4; // the number's bytes, big-endian, without leading zeros
    while (significant > 0 && byteAt(number, significant - 1) == 0) {
      significant--;
    }
    byte[] out = new byte[zeros + significant];
    for (int b = 0; b < significant; b++) {
      out[out.length - 1 - b] = byteAt(number, b);
    }
    return out;
  }

  /** Five base-58 digits at a time: 58^5 is under 2^30, so a limb times it, plus a carry, fits a long. */
  private static final int GROUP = 5;
  private static final long GROUP_BASE = 58L * 58 * 58 * 58 * 58;

  /** Byte {@code b} of the number, counting from the least significant. */
  private static byte byteAt(int[] limbs, int b) {
    return (byte) (limbs[b >>> 2] >>> ((b & 3) * 8));
  }

  /** The big-endian bytes of {@code input} from {@code from}, as little-endian 32-bit limbs. */
  private static int[] limbs(byte[] input, int from) {
    int[] limbs = new int[(input.length - from + 3) / 4];
    for (int i = input.length - 1, b = 0; i >= from; i--, b++) {
      limbs[b >>> 2] |= (input[i] & 0xff) << ((b & 3) * 8);
    }
    return limbs;
  }
}
