package coop.lattice.launcher.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code collectives:} list of a configuration file.
 *
 * @param id the collective's id, which is also its path on the node ({@code /collectives/<id>})
 * @param name its name, used when the journal is new
 * @param journal the directory of its file journal
 * @param keyFile the file holding its signing key's 32-byte seed (base64); made, readable by its
 *     owner only, on first start if absent
 * @param secretFile the file holding its secret's 32 bytes (base64), for its private area and its
 *     members' handles, kept apart from the signing key so that the key can rotate or be recovered;
 *     made on first start if absent. Without it, the key file's seed is also the secret (a
 *     collective founded with one key), and the key can rotate only if that seed is kept as the secret
 * @param founder the founding member's id, needed only when the journal is new
 * @param founderName how the founder appears, when the journal is new (the founder's id unless given)
 * @param follow actors this collective follows (their actor URLs); followed once, on start
 */
public record CollectiveSettings(
    @JsonProperty(required = true) String id,
    @Nullable String name,
    @JsonProperty(required = true) Path journal,
    @JsonProperty(required = true) Path keyFile,
    @Nullable Path secretFile,
    @Nullable String founder,
    @Nullable String founderName,
    @Nullable List<URI> follow) {

  public List<URI> followOrNone() {
    return follow == null ? List.of() : follow;
  }
}
