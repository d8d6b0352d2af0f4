"""Where the plugin's bundled files live (works in the source tree and the built plugin)."""

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
RESOURCES = PLUGIN_DIR / "resources"
REFERENCE = RESOURCES / "reference"
STYLES = RESOURCES / "styles"
LAYOUTS = RESOURCES / "layouts"
DATA = RESOURCES / "data"
ICON_PATH = RESOURCES / "icons" / "cityhealth.svg"
I18N = PLUGIN_DIR / "i18n"
