package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

/** The S3 trigger's listing on S3Proxy: what a poll hands over, without reading any object. */
class S3InputListingTest extends PipelineTestSupport {

  @Test
  void listsNewObjectVersionsOnlySkippingFoldersTakenOnesAndStoppingAtTheLimit() throws Exception {
    String prefix = newPipelineId("listing") + "/";
    put(prefix + "a.txt", "one");
    put(prefix + "b c ü.txt", "two");
    put(prefix + "sub/", "");
    put(prefix + "sub/d.txt", "four");
    put("elsewhere/e.txt", "five");
    PipelineJournal journal = PipelineJournal.inMemory();
    try (CamelContext camel = newContext()) {
      camel.getRegistry().bind("listing-journal", PipelineJournal.class, journal);
      camel.start();
      S3InputListing listing = listing(camel, prefix, 10);

      List<InputObject> all = listing.newObjects(client);
      assertThat(all)
          .extracting(InputObject::key)
          .containsExactlyInAnyOrder(prefix + "a.txt", prefix + "b c ü.txt", prefix + "sub/d.txt");
      assertThat(all).allSatisfy(input -> assertThat(input.size()).isPositive());

      // taken by the pipeline's idempotent consumer: not handed over again
      InputObject a = all.stream().filter(i -> i.key().endsWith("a.txt")).findFirst().orElseThrow();
      assertThat(journal.add(a.idempotencyKey())).isTrue();
      assertThat(listing.newObjects(client)).extracting(InputObject::key).doesNotContain(a.key());

      // a new version of the same key is new again
      put(prefix + "a.txt", "one, changed");
      assertThat(listing.newObjects(client)).extracting(InputObject::key).contains(a.key());

      assertThat(listing(camel, prefix, 2).newObjects(client)).hasSize(2);
    }
  }

  private static S3InputListing listing(CamelContext camel, String prefix, int max) {
    S3InputListing listing = new S3InputListing();
    listing.setCamelContext(camel);
    listing.setBucket(INPUTS);
    listing.setPrefix(prefix);
    listing.setMaxObjects(max);
    listing.setJournal("listing-journal");
    listing.setEntryUri("direct:unused");
    return listing;
  }
}
