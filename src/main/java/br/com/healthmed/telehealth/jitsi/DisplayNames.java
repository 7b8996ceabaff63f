package br.com.healthmed.telehealth.jitsi;

/**
 * What Jitsi shows as a participant's name: the account's name without control characters,
 * whitespace collapsed, at most {@value #MAX_CODE_POINTS} code points. Encoding for the URL is the
 * caller's job (percent-encoding, or inside the signed token).
 */
final class DisplayNames {

    static final int MAX_CODE_POINTS = 80;

    private DisplayNames() {}

    static String clean(String name) {
        StringBuilder clean = new StringBuilder();
        int kept = 0;
        boolean space = false;
        for (int cp : name.strip().codePoints().toArray()) {
            if (kept == MAX_CODE_POINTS) {
                break;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                continue; // bidi overrides, zero-width and control characters could disguise a name
            }
            if (space && kept > 0 && kept < MAX_CODE_POINTS - 1) {
                clean.append(' ');
                kept++;
            }
            space = false;
            clean.appendCodePoint(cp);
            kept++;
        }
        return clean.toString();
    }
}
