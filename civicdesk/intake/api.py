from ninja import Router

router = Router(tags=["E-mail intake"])
