package com.logisticskpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tests read the spec's worked examples from copies in src/test/resources (spec-example, spec-example-tickets),
 * so that a clone without ../shared still builds. This test keeps the copies honest: wherever the contract folder
 * ../shared/spec sits beside the checkout (as in CI), every file of each example (its README included: the hand
 * checks the tests cite) must equal the copy byte for byte.
 */
class SpecExampleCopyTests {

    @ParameterizedTest
    @CsvSource({"example, spec-example, 7", "example-tickets, spec-example-tickets, 5"})
    void copiedExampleEqualsTheContract(String specName, String copyName, int minFiles) throws IOException {
        Path spec = Path.of("../shared/spec").resolve(specName);
        Path copy = Path.of("src/test/resources").resolve(copyName);
        Assumptions.assumeTrue(Files.isDirectory(spec), spec + " is not beside this checkout");
        List<Path> specFiles;
        try (Stream<Path> s = Files.walk(spec)) {
            specFiles = s.filter(Files::isRegularFile).toList();
        }
        assertThat(specFiles).hasSizeGreaterThanOrEqualTo(minFiles);
        for (Path f : specFiles) {
            Path c = copy.resolve(spec.relativize(f).toString());
            assertThat(c).as("copy of %s", f).exists();
            assertThat(Files.readAllBytes(c)).as("copy of %s", f).isEqualTo(Files.readAllBytes(f));
        }
    }
}
