package dev.jcodex.schema;

import static org.junit.jupiter.api.Assertions.*;

import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.RequestMethod;
import dev.jcodex.protocol.shape.WireShape;
import dev.jcodex.protocol.shape.WireShapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed params-shape table must be what the type walk gives today, and hold the same shapes. */
class ShapeTableFreshnessTest {
    static final Path COMMITTED = Path.of("..").resolve(ShapeTable.FILE);

    @Test
    void committedTableMatchesTheWireTypes() throws Exception {
        assertEquals(ShapeTable.generate(), Files.readString(COMMITTED),
                "ParamShapes.java is stale: run scripts/generate-protocol and commit it");
    }

    @Test
    void theTableAndTheReflectiveWalkDescribeEveryParamsTypeAlike() {
        for (RequestMethod<?, ?> m : ClientRequests.ALL) {
            WireShape table = WireShapes.of(m.params()), walked = WireShapes.reflect(m.params());
            assertNotSame(walked, table, m.name() + " comes from the table");
            assertEquals(canonical(walked, new IdentityHashMap<>()), canonical(table, new IdentityHashMap<>()), m.name());
        }
    }

    /** A structural rendering (named shapes once, then by name), equal for equal shapes. */
    static String canonical(WireShape s, Map<WireShape, Boolean> seen) {
        return switch (s) {
            case WireShape.Scalar sc -> sc.name();
            case WireShape.ArrayOf a -> "[" + canonical(a.items(), seen) + "]";
            case WireShape.MapOf m -> "{*:" + canonical(m.values(), seen) + "}";
            case WireShape.EnumOf e -> "enum " + e.type().getName() + e.values();
            case WireShape.Opaque o -> "opaque " + o.type().getName();
            case WireShape.Obj o -> {
                if (seen.put(o, true) != null) yield "ref " + o.type().getName();
                StringBuilder b = new StringBuilder("obj " + o.type().getName() + " " + o.tag() + "=" + o.tagValue() + "(");
                for (WireShape.Field f : o.fields()) {
                    b.append(f.name()).append(f.required() ? "!" : "").append(f.primitive() ? "#" : "").append(':')
                            .append(canonical(f.shape(), seen)).append(';');
                }
                yield b.append(')').toString();
            }
            case WireShape.Union u -> {
                if (seen.put(u, true) != null) yield "ref " + u.type().getName();
                StringBuilder b = new StringBuilder("union " + u.type().getName() + " by " + u.tag() + "<");
                u.variants().forEach((k, v) -> b.append(k).append('=').append(canonical(v, seen)).append('|'));
                yield b.append('>').toString();
            }
        };
    }
}
