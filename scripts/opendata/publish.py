"""Write the open-data files (JSON, CSV with CSVW metadata, HSDS 3.1) at the site's root."""

from __future__ import annotations

from pathlib import Path

from scripts.content.loaded import Content
from scripts.opendata.exports import export_csv, export_csv_metadata, export_json
from scripts.opendata.to_hsds import export_hsds
from scripts.pages import urls
from scripts.site.write import TreeWriter


def write_open_data(content: Content, site_dir: Path) -> None:
    """Write the open-data files into the new site."""
    writer = TreeWriter(site_dir)
    writer.write_chunks(urls.open_data_path("directory.json"), export_json(content))
    writer.write_bytes(urls.open_data_path("directory.csv"), export_csv(content).encode("utf-8"))
    writer.write_text(urls.open_data_path("directory.csv-metadata.json"), export_csv_metadata(content))
    writer.write_chunks(urls.open_data_path("hsds-services.json"), export_hsds(content))
