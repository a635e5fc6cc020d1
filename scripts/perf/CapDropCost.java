import dev.jcodex.sandbox.linux.Syscalls;
import java.util.Arrays;
/** Cost of Syscalls.dropAllCapabilities() on fresh platform threads (docs/BENCHMARKS.md). Run after compiling sandbox:
 *  java --enable-native-access=ALL-UNNAMED -cp sandbox/target/classes scripts/perf/CapDropCost.java */
public class CapDropCost {
    public static void main(String[] a) throws Exception {
        int n = 300; long[] drop = new long[n], thread = new long[n];
        for (int i = 0; i < n; i++) {
            long[] r = new long[2];
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    long t0 = System.nanoTime();
                    Syscalls.setNoNewPrivs();
                    long t1 = System.nanoTime();
                    Syscalls.dropAllCapabilities();
                    r[0] = System.nanoTime() - t1; r[1] = t1 - t0;
                } catch (Exception e) { throw new RuntimeException(e); }
            });
            t.join();
            drop[i] = r[0];
        }
        long[] s = Arrays.copyOfRange(drop, 50, n); Arrays.sort(s);
        System.out.printf("dropAllCapabilities on a fresh thread: median %.1f us, p90 %.1f us (n=%d)%n", s[s.length/2]/1e3, s[s.length*9/10]/1e3, s.length);
    }
}
