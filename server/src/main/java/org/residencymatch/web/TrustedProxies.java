package org.residencymatch.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The load balancers and proxies whose {@code X-Forwarded-For} the service believes
 * ({@code RESIDENCY_TRUSTED_PROXIES} or {@code serve --trusted-proxies}): addresses or CIDR ranges,
 * IPv4 or IPv6, separated by commas or spaces. With none, the header is ignored.
 */
public final class TrustedProxies {

    /** Only literal addresses: anything else would make {@link InetAddress#getByName} ask the DNS. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) return false;
            int whole = prefix / 8, rest = prefix % 8;
            for (int i = 0; i < whole; i++) if (address[i] != network[i]) return false;
            if (rest == 0) return true;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;
    private final String spec;

    private TrustedProxies(List<Range> ranges, String spec) {
        this.ranges = ranges;
        this.spec = spec;
    }

    /** Parses "10.0.0.0/8, 192.168.1.10, fd00::/8"; a blank spec trusts nobody; anything unreadable is refused, naming it. */
    public static TrustedProxies parse(String spec) {
        if (spec == null || spec.isBlank()) return NONE;
        List<Range> ranges = new ArrayList<>();
        for (String entry : spec.trim().split("[,\\s]+")) {
            if (entry.isEmpty()) continue;
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "trusted proxies: \"" + entry + "\" is not an IPv4 or IPv6 address or CIDR range"));
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException(
                            "trusted proxies: the prefix of \"" + entry + "\" must be 0 to " + address.length * 8);
                }
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges), spec.trim());
    }

    /** The address's bytes (4 or 16; an IPv4-mapped IPv6 address as IPv4), if it is a literal address. */
    static Optional<byte[]> literal(String text) {
        String address = text.trim();
        if (address.startsWith("[") && address.endsWith("]")) address = address.substring(1, address.length() - 1);
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean trusts(String address) {
        return literal(address).map(bytes -> ranges.stream().anyMatch(r -> r.contains(bytes))).orElse(false);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The client's address: the direct peer, unless the peer is trusted, in which case the right-most
     * {@code X-Forwarded-For} entry that is not a trusted proxy (entries to its left were written by
     * the client and prove nothing). Written in one canonical form, so one address is one key.
     */
    String clientAddress(String peer, List<String> forwardedFor) {
        if (ranges.isEmpty() || !trusts(peer)) return canonical(peer);
        List<String> entries = new ArrayList<>();
        for (String header : forwardedFor)
            entries.addAll(Arrays.stream(header.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList());
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!trusts(entries.get(i))) return canonical(entries.get(i));
        }
        // Every hop is a proxy of ours: the left-most is as close to the client as we know.
        return entries.isEmpty() ? canonical(peer) : canonical(entries.get(0));
    }

    private static String canonical(String address) {
        return literal(address).map(bytes -> {
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(address.length() > 100 ? address.substring(0, 100) : address);
    }

    @Override
    public String toString() {
        return spec;
    }
}
