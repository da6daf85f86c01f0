package io.camelpcluster.emulator.image;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The custom images, keyed by region and image id. Used under the emulator state's lock. */
public final class ImageRegistry {
  private final Map<String, ImageRecord> images = new LinkedHashMap<>();

  Optional<ImageRecord> find(String region, String imageId) {
    return Optional.ofNullable(images.get(region + "/" + imageId));
  }

  List<ImageRecord> inRegion(String region) {
    return images.values().stream()
        .filter(i -> i.region.equals(region))
        .sorted(Comparator.comparing((ImageRecord i) -> i.imageId))
        .toList();
  }

  List<ImageRecord> all() {
    return List.copyOf(images.values());
  }

  void add(ImageRecord image) {
    images.put(image.region + "/" + image.imageId, image);
  }

  void remove(ImageRecord image) {
    images.remove(image.region + "/" + image.imageId);
  }
}
