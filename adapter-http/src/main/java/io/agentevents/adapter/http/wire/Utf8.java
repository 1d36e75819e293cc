package io.agentevents.adapter.http.wire;

/**
 * Strict UTF-8 (RFC 3629): no overlong forms, no encoded surrogates, nothing above U+10FFFF.
 * Checked before a body reaches Jackson, whose parser takes a field name holding the byte 0xFF
 * for a name it has seen before (so {@code "\xFFop"} read as {@code "op"}) instead of refusing it.
 */
public final class Utf8 {

    private Utf8() {
    }

    public static boolean isValid(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                length = 4;
                min = 0x10000;
            } else {
                return false; // a continuation byte, an overlong lead (C0, C1) or a lead past U+10FFFF
            }
            if (i + length > bytes.length) {
                return false;
            }
            int codePoint = b & (0xff >> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (next & 0x3f);
            }
            if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                return false;
            }
            i += length;
        }
        return true;
    }
}
