package org.residencymatch.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.Database;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;

/**
 * Latency of the catalogue API for one applicant on the embedded database, end to end over HTTP
 * (authentication, the database reads, the 815 decisions, JSON): the demo data on an in-memory H2,
 * the real server on a local port, one client calling in a loop. Prints the median, 95th and 99th
 * percentiles. A harness rather than JMH: what is measured is a whole request, with its I/O.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.residencymatch.benchmarks.CatalogueApiHarness [requests]</pre>
 */
public final class CatalogueApiHarness {

    private CatalogueApiHarness() {}

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        String token = "harness-token";
        Database database = Database.open("jdbc:h2:mem:catalogue-harness;DB_CLOSE_DELAY=-1" + Database.H2_POSTGRES_MODE, "sa", "", null);
        try (Services services = Services.start(database); WebServer server = new WebServer(services, new WebConfig(token, false)).start(0)) {
            new DemoData(services).seedIfEmpty();
            HttpClient http = HttpClient.newHttpClient();
            List<String> paths = List.of(
                    "/api/v1/cycles/2025-R1/applicants/A-2001/catalogue?pageSize=1000",
                    "/api/v1/cycles/2025-R1/applicants/A-2005/catalogue?pageSize=50",
                    "/api/v1/cycles/2025-R1/applicants/A-1001/catalogue?province=QC&pageSize=50");
            for (String path : paths) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                        .header("Authorization", "Bearer " + token).build();
                for (int i = 0; i < 300; i++) http.send(request, HttpResponse.BodyHandlers.ofByteArray()); // warm-up
                long[] nanos = new long[requests];
                int bytes = 0;
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - start;
                    if (response.statusCode() != 200) throw new IllegalStateException(path + " answered " + response.statusCode());
                    bytes = response.body().length;
                }
                Arrays.sort(nanos);
                System.out.printf("%s: %d requests, %d bytes each, median %.2f ms, p95 %.2f ms, p99 %.2f ms%n", path, requests, bytes,
                        nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.95)] / 1e6, nanos[(int) (requests * 0.99)] / 1e6);
            }
        }
    }
}
