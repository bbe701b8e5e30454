package dev.origo.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two {@link OpenLoad}s measured in alternating runs — A B B A A B B A … — whose results are summed per side, so that
 * a burst of CPU taken by something else on a shared machine lands on both sides alike instead of on whichever side
 * happened to run during it. One after the other, a 20 s run each, a few seconds of such noise could decide a p99
 * ratio on its own (issue 6: nginx's own figure moved by 40 % within one bench run).
 *
 * <pre>
 * java dev.origo.bench.load.AlternatingLoad --rounds N &lt;OpenLoad options of A&gt; --then &lt;OpenLoad options of B&gt;
 * </pre>
 * Each option set describes one run ({@code --duration} and {@code --warmup} per run; the warm-up of every run is
 * sent and not recorded). Prints two lines, A's then B's, each in {@link OpenLoad}'s format with the duration of all
 * of that side's runs.
 */
public final class AlternatingLoad {

    private static final String THEN = "--then";

    private final OpenLoad first;
    private final OpenLoad second;
    private final int rounds;

    AlternatingLoad(OpenLoad first, OpenLoad second, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        this.first = first;
        this.second = second;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws InterruptedException {
        AlternatingLoad load = fromArgs(args);
        List<LoadResult> results = load.run();
        System.out.println(load.first.summary(results.get(0), load.rounds));
        System.out.println(load.second.summary(results.get(1), load.rounds));
    }

    static AlternatingLoad fromArgs(String... args) {
        if (args.length < 2 || !"--rounds".equals(args[0])) {
            throw new IllegalArgumentException("usage: --rounds N <options of A> --then <options of B>");
        }
        int then = Arrays.asList(args).indexOf(THEN);
        if (then < 0) {
            throw new IllegalArgumentException("no " + THEN + " between the two option sets");
        }
        return new AlternatingLoad(OpenLoad.fromArgs(Arrays.copyOfRange(args, 2, then)),
                OpenLoad.fromArgs(Arrays.copyOfRange(args, then + 1, args.length)), Integer.parseInt(args[1]));
    }

    /** Runs both sides {@code rounds} times, alternating as A B B A, and returns A's sum and B's sum. */
    List<LoadResult> run() throws InterruptedException {
        List<LoadResult> firsts = new ArrayList<>();
        List<LoadResult> seconds = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean firstLeads = round % 2 == 0;
            OpenLoad lead = firstLeads ? first : second;
            OpenLoad follow = firstLeads ? second : first;
            LoadResult led = lead.run();
            LoadResult followed = follow.run();
            (firstLeads ? firsts : seconds).add(led);
            (firstLeads ? seconds : firsts).add(followed);
        }
        return List.of(LoadResult.sum(firsts), LoadResult.sum(seconds));
    }
}
