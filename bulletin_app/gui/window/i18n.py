"""UI language through Qt's translation mechanism.

The source strings are Vietnamese (the editors' language). English comes from
``resources/i18n/bulletin_en.qm``. Qt ships no Vietnamese for its own widgets (button
boxes, text-field context menus…), so ``qtbase_vi.qm`` — ours — covers those; without
it an editor would meet "Cancel" and "Paste" in an otherwise Vietnamese app.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from bulletin_app.resources import resource_path

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
_installed: list[QTranslator] = []


def translation_dir() -> str:
    return str(resource_path("i18n"))


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Install the translators for ``language`` (replacing earlier ones); returns what loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded: list[str] = []
    if language == "en":
        candidates = [
            ("bulletin_en", translation_dir()),
            ("qtbase_en", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ]
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        candidates = [("qtbase_vi", translation_dir())]
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
    return loaded
