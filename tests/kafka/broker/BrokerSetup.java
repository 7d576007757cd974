// Waits until the test broker answers, then gives it Port-like topics and ACLs.
// Run by broker.sh after the broker process starts (and again after a restart: every step is
// idempotent). One JVM for all the admin work keeps start-up short on a 2-core machine.
//
// usage: java -cp <kafka jars>:<classes> BrokerSetup PLAINTEXT_BOOTSTRAP SASL_SSL_BOOTSTRAP
//            CA_FILE USERNAME ORG FORBIDDEN_TOPIC TIMEOUT_SECONDS     (password: env KAFKA_PASSWORD)

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

public class BrokerSetup {
    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("BrokerSetup: expected 7 arguments, got " + args.length);
            System.exit(2);
        }
        String plain = args[0], sasl = args[1], ca = args[2], user = args[3], org = args[4];
        String forbidden = args[5];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[6]));
        String password = System.getenv("KAFKA_PASSWORD");
        // ORG.hostile takes the hostile-input suite's 100 MiB message, away from the other tests.
        List<String> topics = List.of(org + ".runs", org + ".change.log", forbidden, org + ".hostile");

        try (Admin admin = Admin.create(base(plain))) {
            waitFor("the PLAINTEXT listener " + plain, deadline,
                    () -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS));
            for (String t : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(t, 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
            String principal = "User:" + user;
            admin.createAcls(List.of(
                    allow(ResourceType.TOPIC, org + ".runs", PatternType.LITERAL, principal, AclOperation.READ),
                    allow(ResourceType.TOPIC, org + ".runs", PatternType.LITERAL, principal, AclOperation.WRITE),
                    allow(ResourceType.TOPIC, org + ".runs", PatternType.LITERAL, principal, AclOperation.DESCRIBE),
                    allow(ResourceType.TOPIC, org + ".change.log", PatternType.LITERAL, principal, AclOperation.READ),
                    allow(ResourceType.TOPIC, org + ".change.log", PatternType.LITERAL, principal, AclOperation.WRITE),
                    allow(ResourceType.TOPIC, org + ".change.log", PatternType.LITERAL, principal, AclOperation.DESCRIBE),
                    allow(ResourceType.GROUP, org + ".", PatternType.PREFIXED, principal, AclOperation.READ),
                    allow(ResourceType.GROUP, org + ".", PatternType.PREFIXED, principal, AclOperation.DESCRIBE)))
                    .all().get();
        }

        // The SASL_SSL listener is what the tests use: prove TLS, SCRAM and the ACLs work end to end.
        Properties p = base(sasl);
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", ca);
        try (Admin admin = Admin.create(p)) {
            waitFor("the SASL_SSL listener " + sasl, deadline, () -> {
                var d = admin.describeTopics(List.of(org + ".runs")).allTopicNames().get(5, TimeUnit.SECONDS);
                if (d.get(org + ".runs").partitions().size() != 3)
                    throw new IllegalStateException("expected 3 partitions");
                return d;
            });
        }
    }

    static Properties base(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return p;
    }

    static AclBinding allow(ResourceType type, String name, PatternType pattern, String principal, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
    }

    interface Step { Object run() throws Exception; }

    // Retries a step until it succeeds or the deadline passes; the last error explains a failure.
    static void waitFor(String what, long deadline, Step step) throws Exception {
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                step.run();
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(300);
            }
        }
        System.err.println("BrokerSetup: " + what + " did not answer in time: " + last);
        System.exit(1);
    }
}
