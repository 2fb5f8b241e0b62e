package com.logisticskpi.kpi.engine;

import java.nio.file.Path;

import com.logisticskpi.testsupport.TestDatabases;

/** {@link OutcomeStoreTests} on MariaDB (a fresh database of the CI's server, as every MariaDB test). */
class OutcomeStoreMariaDbTests extends OutcomeStoreTests {

    @Override
    com.logisticskpi.cli.CommonOptions options(Path dataDir) {
        return TestDatabases.mysqlOptions(dataDir);
    }
}
