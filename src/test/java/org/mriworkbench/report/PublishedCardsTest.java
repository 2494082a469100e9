package org.mriworkbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.experiment.RunFolder;

/**
 * The model cards committed under {@code docs/reference-runs/} are read by people with a fresh clone: their
 * reproduce command must name a config that is committed beside them, and no path of the machine that wrote them.
 */
class PublishedCardsTest {

    static final Path DIR = Path.of("docs", "reference-runs");
    static final Pattern CONFIG = Pattern.compile("train --config (\\S+)");
    static final Pattern MACHINE_PATH = Pattern.compile("(/work/|/home/|/tmp/|/root/|runs/reference/\\d)");

    @Test
    void everyCommittedCardReproducesFromAFreshClone() throws Exception {
        List<Path> cards;
        try (Stream<Path> s = Files.list(DIR)) {
            cards = s.filter(p -> p.getFileName().toString().endsWith("-" + RunFolder.MODEL_CARD_FILE)).sorted().toList();
        }
        assertFalse(cards.isEmpty(), "no model cards under " + DIR);
        for (Path card : cards) {
            String md = Files.readString(card);
            Matcher m = CONFIG.matcher(md);
            assertTrue(m.find(), card + " has no train --config command");
            Path config = Path.of(m.group(1));
            assertFalse(config.isAbsolute(), card + ": " + config);
            assertEquals(DIR.resolve(ModelCard.configFile(card.getFileName().toString())), config, card.toString());
            assertTrue(Files.isRegularFile(config), card + " names a config that is not committed: " + config);
            String name = card.getFileName().toString().replace("-" + RunFolder.MODEL_CARD_FILE, "");
            assertEquals(name, TrainConfig.read(config).runName(), config.toString());
            Matcher local = MACHINE_PATH.matcher(md);
            assertFalse(local.find(), card + " names a path of the machine that wrote it: "
                    + (local.find(0) ? md.substring(Math.max(0, local.start() - 40), local.end() + 40) : ""));
        }
    }
}
