"""The per-file function on a local Dask cluster (docs/archives.md) gives what `kaznews archive` gives."""

from __future__ import annotations

from pathlib import Path

from distributed import Client, LocalCluster

from scrapers.archive import archive_file
from scrapers.archive_run import write_archive_results
from scrapers.cli import main
from tests.archive_files import write_two


def test_archive_file_mapped_on_a_local_cluster_equals_the_cli(tmp_path: Path) -> None:
    files = [str(p) for p in write_two(tmp_path)]
    reference = tmp_path / "cli.jsonl"
    assert main(["archive", *files, "-o", str(reference), "-q"]) == 0

    spools = [str(tmp_path / f"spool-{n}.jsonl") for n in range(len(files))]
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        results = client.gather(client.map(archive_file, files, spools, pure=False))
    assert [r.path for r in results] == files and all(r.records for r in results)
    out = tmp_path / "dask.jsonl"
    summary = write_archive_results(results, str(out), str(tmp_path / "dask.state.sqlite"))
    assert out.read_bytes() == reference.read_bytes()
    assert summary.files == 2 and summary.kept == reference.read_text(encoding="utf-8").count("\n")
